package ftenergy.analyze;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.when;

import ftenergy.amortization.Amortization;
import ftenergy.amortization.AmortizationRow;
import ftenergy.amortization.BreakEven;
import ftenergy.amortization.Lineage;
import ftenergy.amortization.Origin;
import ftenergy.amortization.RunLink;
import ftenergy.lake.AmortizationTable;
import ftenergy.lake.Analysed;
import ftenergy.lake.AnalysisTables;
import ftenergy.lake.LakeWriter;
import ftenergy.lake.Lakehouse;
import ftenergy.lake.RunRecordReader;
import ftenergy.run.RunKind;
import ftenergy.run.RunRecord;
import ftenergy.stats.SampleSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ftenergy analyze}, part 3: the paper's comparisons, written to {@code amortization}.
 *
 * <p>Teacher and student sides are told apart by weight lineage ({@link Lineage}): a fine-tuning
 * or inference run descending from a pre-training run through {@code init = run:<id>} (or
 * {@code depends_on}, or as a last resort the model name) is on the teacher side; one descending
 * through a distillation run is on the student side. Energies of fine-tuning runs are averaged per
 * lineage, hardware and task; inference energy is taken per example ({@link InferenceEnergy}: the
 * batches' window, model loading left out) and averaged per lineage, hardware, task and inference
 * batch size, which are never pooled.
 *
 * <p>One row is written per pre-training, distillation (or none), hardware and task with no
 * inference counted ({@code inferences_per_model = 0}, {@code inference_batch_size = 0}), and one
 * per further inference count and inference batch size at which both sides have inference runs on
 * that hardware: N* always compares a teacher and a student measured on the same hardware and, when
 * inferences count, at the same batch size. A pre-training or distillation measured on other
 * hardware than the fine-tunes still enters as measured, flagged by {@code same_hardware = false}.
 */
public final class AmortizationJob {

    private AmortizationJob() {}

    /** Computes the comparisons of the lakehouse's analysable runs and replaces their rows in {@code amortization}. */
    public static List<AmortizationRow> run(SparkSession spark, String lakehouse, AmortizationSettings settings) {
        List<AmortizationRow> rows = compute(AnalysisRuns.load(spark, lakehouse, settings.sweepIds()), settings);
        Lakehouse lake = new Lakehouse(spark, lakehouse);
        lake.create(AnalysisTables.AMORTIZATION);
        Instant now = Instant.now();
        String scope = Analysed.scopeOf(settings.sweepIds());
        List<Row> out = new ArrayList<>();
        for (AmortizationRow r : rows) {
            out.add(AmortizationTable.COLUMNS.row(new Analysed<>(scope, r, now)));
        }
        new LakeWriter(lake).upsert(AnalysisTables.AMORTIZATION, spark.createDataFrame(out, AnalysisTables.AMORTIZATION.schema()));
        return rows;
    }

    /** The comparisons of {@code runs} (already filtered to analysable runs); writes nothing. */
    public static List<AmortizationRow> compute(Dataset<Row> runs, AmortizationSettings settings) {
        Map<String, RunRecord> byId = new HashMap<>();
        List<RunLink> links = new ArrayList<>();
        for (RunRecord r : RunRecordReader.read(runs)) {
            byId.put(r.spec().runId(), r);
            links.add(new RunLink(r.spec().runId(), r.spec().kind(), r.spec().model().name(), r.spec().model().initRunId(),
                    r.spec().dependsOn()));
        }
        Lineage lineage = new Lineage(links);
        List<Row> origins = new ArrayList<>();
        for (RunLink link : links) {
            Origin o = lineage.origin(link.runId());
            origins.add(RowFactory.create(link.runId(), o.role().label(), o.pretrainRunId(), o.distillRunId()));
        }
        StructType originSchema = new StructType()
                .add("run_id", DataTypes.StringType).add("role", DataTypes.StringType)
                .add("pretrain_run_id", DataTypes.StringType).add("distill_run_id", DataTypes.StringType);
        Dataset<Row> attributed = runs.join(runs.sparkSession().createDataFrame(origins, originSchema), "run_id")
                .where(col("role").notEqual(Origin.Role.UNATTRIBUTED.label()).and(col("pretrain_run_id").isNotNull())
                        .and(col("kind").isin(RunKind.FINETUNE.label(), RunKind.INFERENCE.label())).and(col("energy_kwh").gt(0)));
        return assemble(cells(attributed), byId, lineage, settings);
    }

    /**
     * Mean energy per lineage side, hardware and task: kWh per fine-tuning run, and J per inference
     * example ({@link InferenceEnergy#joulesPerExample()}) per inference batch size.
     */
    private static Map<CellKey, Cell> cells(Dataset<Row> attributed) {
        Map<CellKey, Cell> cells = new HashMap<>();
        List<Row> rows = attributed
                .withColumn("value", when(col("kind").equalTo(RunKind.INFERENCE.label()), InferenceEnergy.joulesPerExample())
                        .otherwise(col("energy_kwh")))
                .withColumn("cell_batch_size", when(col("kind").equalTo(RunKind.INFERENCE.label()),
                        coalesce(col("batch_size"), lit(0))).otherwise(lit(0)))
                .where(col("value").isNotNull())
                .groupBy("kind", "role", "pretrain_run_id", "distill_run_id", "hardware", "task", "cell_batch_size")
                .agg(count(lit(1)), avg("value"), stddev_samp("value"), array_sort(collect_set("model")),
                        array_sort(collect_set("sweep_id")))
                .collectAsList();
        for (Row r : rows) {
            CellKey key = new CellKey(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                    r.getInt(6));
            double sd = r.isNullAt(9) ? 0.0 : r.getDouble(9);
            cells.put(key, new Cell(r.getLong(7), r.getDouble(8), sd, String.join(",", r.<String>getList(10)), r.getList(11)));
        }
        return cells;
    }

    private static List<AmortizationRow> assemble(Map<CellKey, Cell> cells, Map<String, RunRecord> byId, Lineage lineage,
            AmortizationSettings settings) {
        // Teacher fine-tuning cells define which lineage, hardware and task get rows.
        TreeMap<String, TreeSet<String>> hardwareTasks = new TreeMap<>();
        for (CellKey key : cells.keySet()) {
            if (key.kind().equals(RunKind.FINETUNE.label()) && key.role().equals(Origin.Role.TEACHER.label())) {
                hardwareTasks.computeIfAbsent(key.pretrainRunId() + "\u0000" + key.hardware(), k -> new TreeSet<>()).add(key.task());
            }
        }
        List<AmortizationRow> out = new ArrayList<>();
        for (Map.Entry<String, TreeSet<String>> entry : hardwareTasks.entrySet()) {
            String pretrainId = entry.getKey().split("\u0000", 2)[0];
            String hardware = entry.getKey().split("\u0000", 2)[1];
            RunRecord pretrain = byId.get(pretrainId);
            TreeSet<String> tasks = entry.getValue();
            double finetuneSpread = finetuneSpread(cells, pretrainId, hardware, tasks);
            List<String> distills = distillsOf(pretrainId, byId, lineage);
            for (String distillId : distills.isEmpty() ? Collections.<String>singletonList(null) : distills) {
                RunRecord distill = distillId == null ? null : byId.get(distillId);
                for (String task : tasks) {
                    Cell teacher = cell(cells, RunKind.FINETUNE, Origin.Role.TEACHER, pretrainId, null, hardware, task, 0);
                    Cell student = cell(cells, RunKind.FINETUNE, Origin.Role.STUDENT, pretrainId, distillId, hardware, task, 0);
                    Sides fineTuning = new Sides(teacher, student, null, null, 0, Double.NaN, finetuneSpread);
                    out.add(row(pretrain, distill, hardware, task, 0, fineTuning));
                    if (distillId == null) {
                        continue; // inference counts only where a student can be compared
                    }
                    for (int batchSize : inferenceBatchSizes(cells, pretrainId, distillId, hardware, task)) {
                        Sides withInference = new Sides(teacher, student,
                                cell(cells, RunKind.INFERENCE, Origin.Role.TEACHER, pretrainId, null, hardware, task, batchSize),
                                cell(cells, RunKind.INFERENCE, Origin.Role.STUDENT, pretrainId, distillId, hardware, task, batchSize),
                                batchSize, inferenceSpread(cells, pretrainId, hardware, tasks, batchSize), finetuneSpread);
                        for (long k : settings.inferencesPerModel()) {
                            if (k > 0) {
                                out.add(row(pretrain, distill, hardware, task, k, withInference));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Inference batch sizes at which both sides of a lineage have inference runs of {@code task} on {@code hardware}, ascending. */
    private static List<Integer> inferenceBatchSizes(Map<CellKey, Cell> cells, String pretrainId, String distillId, String hardware,
            String task) {
        TreeSet<Integer> sizes = new TreeSet<>();
        for (CellKey key : cells.keySet()) {
            if (key.kind().equals(RunKind.INFERENCE.label()) && key.role().equals(Origin.Role.TEACHER.label())
                    && key.pretrainRunId().equals(pretrainId) && key.hardware().equals(hardware) && key.task().equals(task)
                    && cells.containsKey(new CellKey(key.kind(), Origin.Role.STUDENT.label(), pretrainId, distillId, hardware, task,
                            key.batchSize()))) {
                sizes.add(key.batchSize());
            }
        }
        return List.copyOf(sizes);
    }

    /** The cells one row compares: fine-tuning on both sides and, when inferences count, inference at one batch size. */
    private record Sides(Cell teacher, Cell student, Cell teacherInference, Cell studentInference, int inferenceBatchSize,
            double inferenceSpread, double finetuneSpread) {}

    private static AmortizationRow row(RunRecord pretrain, RunRecord distill, String hardware, String task, long k, Sides sides) {
        Cell teacher = sides.teacher();
        Cell student = sides.student();
        double pretrainKwh = pretrain.energy().kwh();
        double distillKwh = distill == null ? Double.NaN : distill.energy().kwh();
        double teacherInfJ = sides.teacherInference() == null ? Double.NaN : sides.teacherInference().mean();
        double studentInfJ = sides.studentInference() == null ? Double.NaN : sides.studentInference().mean();
        double teacherPerModel = Amortization.perModelKwh(teacher.mean(), teacherInfJ, k);
        double studentPerModel = student == null ? Double.NaN : Amortization.perModelKwh(student.mean(), studentInfJ, k);
        BreakEven breakEven = distill == null || student == null ? null : Amortization.breakEven(distillKwh, teacherPerModel, studentPerModel);
        String verdict = distill == null ? "no distillation" : student == null ? "no student fine-tunes" : breakEven.verdict();
        String distillHardware = distill == null ? null : distill.host().hardware();
        boolean sameHardware = hardware.equals(pretrain.host().hardware())
                && (distillHardware == null || hardware.equals(distillHardware));
        TreeSet<String> sweeps = new TreeSet<>(teacher.sweepIds());
        sweeps.add(pretrain.spec().sweepId());
        if (distill != null) {
            sweeps.add(distill.spec().sweepId());
        }
        for (Cell c : new Cell[] {student, sides.teacherInference(), sides.studentInference()}) {
            if (c != null) {
                sweeps.addAll(c.sweepIds());
            }
        }
        return new AmortizationRow(
                pretrain.spec().runId(), distill == null ? null : distill.spec().runId(), hardware, task, k,
                sides.inferenceBatchSize(),
                teacher.models(), student == null ? (distill == null ? null : distill.spec().model().name()) : student.models(),
                pretrainKwh, pretrain.host().hardware(),
                distillKwh, distillHardware, sameHardware,
                distill == null ? Double.NaN : Amortization.overheadPercent(distillKwh, pretrainKwh),
                teacher.runs(), teacher.mean(), teacher.cv(),
                student == null ? 0 : student.runs(), student == null ? Double.NaN : student.mean(),
                student == null ? Double.NaN : student.cv(),
                student == null ? Double.NaN : Amortization.savingPercent(teacher.mean(), student.mean()),
                Amortization.pretrainEquivalence(pretrainKwh, teacher.mean()),
                teacherInfJ, studentInfJ, teacherPerModel, studentPerModel,
                breakEven instanceof BreakEven.After after ? after.models() : Double.NaN,
                breakEven instanceof BreakEven.After,
                verdict, sides.inferenceSpread(), sides.finetuneSpread(), List.copyOf(sweeps));
    }

    /** CV across tasks of teacher fine-tuning kWh on one hardware; NaN below two tasks. */
    private static double finetuneSpread(Map<CellKey, Cell> cells, String pretrainId, String hardware, TreeSet<String> tasks) {
        List<Double> means = new ArrayList<>();
        for (String task : tasks) {
            means.add(cell(cells, RunKind.FINETUNE, Origin.Role.TEACHER, pretrainId, null, hardware, task, 0).mean());
        }
        return crossTaskCv(means);
    }

    /** CV across tasks of teacher inference J/example on one hardware at one batch size; NaN below two tasks. */
    private static double inferenceSpread(Map<CellKey, Cell> cells, String pretrainId, String hardware, TreeSet<String> tasks,
            int batchSize) {
        List<Double> means = new ArrayList<>();
        for (String task : tasks) {
            Cell inference = cell(cells, RunKind.INFERENCE, Origin.Role.TEACHER, pretrainId, null, hardware, task, batchSize);
            if (inference != null) {
                means.add(inference.mean());
            }
        }
        return crossTaskCv(means);
    }

    private static double crossTaskCv(List<Double> means) {
        return means.size() < 2 ? Double.NaN : SampleSummary.of(means.stream().mapToDouble(Double::doubleValue).toArray()).coefficientOfVariation();
    }

    private static List<String> distillsOf(String pretrainId, Map<String, RunRecord> byId, Lineage lineage) {
        List<String> distills = new ArrayList<>();
        for (RunRecord r : byId.values()) {
            if (r.spec().kind() == RunKind.DISTILL && pretrainId.equals(lineage.origin(r.spec().runId()).pretrainRunId())) {
                distills.add(r.spec().runId());
            }
        }
        distills.sort(null);
        return distills;
    }

    /** The cell of one lineage side, or null; a student side without a distillation has none. */
    private static Cell cell(Map<CellKey, Cell> cells, RunKind kind, Origin.Role role, String pretrainId, String distillId,
            String hardware, String task, int batchSize) {
        if (role == Origin.Role.STUDENT && distillId == null) {
            return null;
        }
        return cells.get(new CellKey(kind.label(), role.label(), pretrainId, distillId, hardware, task, batchSize));
    }

    /** Aggregation key: kind, lineage side and group; the batch size is an inference cell's, 0 for fine-tuning. */
    private record CellKey(String kind, String role, String pretrainRunId, String distillRunId, String hardware, String task,
            int batchSize) {}

    /** Runs, mean and CV of one cell (kWh per fine-tuning, or J per inference example). */
    private record Cell(long runs, double mean, double standardDeviation, String models, List<String> sweepIds) {
        double cv() {
            return runs < 2 ? Double.NaN : standardDeviation / mean;
        }
    }
}
