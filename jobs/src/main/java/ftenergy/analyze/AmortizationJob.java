package ftenergy.analyze;

import ftenergy.amortization.AmortizationRow;

import ftenergy.lake.AmortizationTable;
import ftenergy.lake.Analysed;
import ftenergy.lake.AnalysisTables;
import ftenergy.lake.RunRecordReader;
import ftenergy.run.RunRecord;
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
import ftenergy.amortization.BreakEven;
import ftenergy.meter.EnergyUnit;
import ftenergy.amortization.Lineage;
import ftenergy.amortization.Origin;
import ftenergy.amortization.RunLink;
import ftenergy.stats.SampleSummary;
import ftenergy.lake.LakeWriter;
import ftenergy.lake.Lakehouse;
import ftenergy.run.RunKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
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
 * lineage, hardware and task; inference energy is taken per example, over its batches (loading the
 * model is a one-off per deployment, not a cost of each inference). One row is written per
 * pre-training, distillation (or none), hardware, task and inference count.
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
        Map<CellKey, Cell> cells = cells(attributed);
        return assemble(cells, byId, lineage, settings);
    }

    /**
     * Mean energy per lineage side, hardware and task, for fine-tuning (kWh per run) and inference
     * (J per example, loading the model left out: a one-off per deployment, which over a run of a
     * few hundred examples can outweigh the inferences themselves).
     */
    private static Map<CellKey, Cell> cells(Dataset<Row> attributed) {
        Map<CellKey, Cell> cells = new HashMap<>();
        Column inferenceKwh = col("energy_kwh").minus(coalesce(col("energy_setup_kwh"), lit(0.0)));
        List<Row> rows = attributed
                .withColumn("value", when(col("kind").equalTo(RunKind.INFERENCE.label()),
                        inferenceKwh.multiply(EnergyUnit.JOULES_PER_KWH).divide(when(col("examples").gt(0), col("examples"))))
                        .otherwise(col("energy_kwh")))
                .where(col("value").isNotNull())
                .groupBy("kind", "role", "pretrain_run_id", "distill_run_id", "hardware", "task")
                .agg(count(lit(1)), avg("value"), stddev_samp("value"), array_sort(collect_set("model")),
                        array_sort(collect_set("sweep_id")))
                .collectAsList();
        for (Row r : rows) {
            CellKey key = new CellKey(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5));
            double sd = r.isNullAt(8) ? 0.0 : r.getDouble(8);
            cells.put(key, new Cell(r.getLong(6), r.getDouble(7), sd, String.join(",", r.<String>getList(9)), r.getList(10)));
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
            double[] spread = spread(cells, pretrainId, hardware, entry.getValue());
            List<String> distills = distillsOf(pretrainId, byId, lineage);
            for (String distillId : distills.isEmpty() ? Collections.<String>singletonList(null) : distills) {
                for (String task : entry.getValue()) {
                    Cell teacher = cell(cells, RunKind.FINETUNE, Origin.Role.TEACHER, pretrainId, null, hardware, task);
                    Cell student = cell(cells, RunKind.FINETUNE, Origin.Role.STUDENT, pretrainId, distillId, hardware, task);
                    Cell teacherInference = cell(cells, RunKind.INFERENCE, Origin.Role.TEACHER, pretrainId, null, hardware, task);
                    Cell studentInference = cell(cells, RunKind.INFERENCE, Origin.Role.STUDENT, pretrainId, distillId, hardware, task);
                    for (long k : settings.inferencesPerModel()) {
                        if (k > 0 && (distillId == null || teacherInference == null || studentInference == null)) {
                            continue; // inference cannot be counted without inference runs on both sides
                        }
                        out.add(row(pretrain, distillId == null ? null : byId.get(distillId), hardware, task, k, teacher,
                                student, teacherInference, studentInference, spread));
                    }
                }
            }
        }
        return out;
    }

    private static AmortizationRow row(RunRecord pretrain, RunRecord distill, String hardware, String task, long k, Cell teacher,
            Cell student, Cell teacherInference, Cell studentInference, double[] spread) {
        double pretrainKwh = pretrain.energy().kwh();
        double distillKwh = distill == null ? Double.NaN : distill.energy().kwh();
        double teacherInfJ = teacherInference == null ? Double.NaN : teacherInference.mean();
        double studentInfJ = studentInference == null ? Double.NaN : studentInference.mean();
        double teacherPerModel = Amortization.perModelKwh(teacher.mean(), teacherInfJ, k);
        double studentPerModel = student == null ? Double.NaN : Amortization.perModelKwh(student.mean(), studentInfJ, k);
        BreakEven breakEven = distill == null || student == null ? null : Amortization.breakEven(distillKwh, teacherPerModel, studentPerModel);
        String verdict = distill == null ? "no distillation" : student == null ? "no student fine-tunes" : breakEven.verdict();
        TreeSet<String> sweeps = new TreeSet<>(teacher.sweepIds());
        sweeps.add(pretrain.spec().sweepId());
        if (distill != null) {
            sweeps.add(distill.spec().sweepId());
        }
        for (Cell c : new Cell[] {student, teacherInference, studentInference}) {
            if (c != null) {
                sweeps.addAll(c.sweepIds());
            }
        }
        return new AmortizationRow(
                pretrain.spec().runId(), distill == null ? null : distill.spec().runId(), hardware, task, k,
                teacher.models(), student == null ? (distill == null ? null : distill.spec().model().name()) : student.models(),
                pretrainKwh, pretrain.host().hardware(),
                distillKwh, distill == null ? Double.NaN : Amortization.overheadPercent(distillKwh, pretrainKwh),
                teacher.runs(), teacher.mean(), teacher.cv(),
                student == null ? 0 : student.runs(), student == null ? Double.NaN : student.mean(),
                student == null ? Double.NaN : student.cv(),
                student == null ? Double.NaN : Amortization.savingPercent(teacher.mean(), student.mean()),
                Amortization.pretrainEquivalence(pretrainKwh, teacher.mean()),
                teacherInfJ, studentInfJ, teacherPerModel, studentPerModel,
                breakEven instanceof BreakEven.After after ? after.models() : Double.NaN,
                breakEven instanceof BreakEven.After,
                verdict, spread[0], spread[1], List.copyOf(sweeps));
    }

    /** {CV across tasks of teacher inference J/example, CV across tasks of teacher fine-tuning kWh}; NaN below two tasks. */
    private static double[] spread(Map<CellKey, Cell> cells, String pretrainId, String hardware, TreeSet<String> tasks) {
        List<Double> inference = new ArrayList<>();
        List<Double> finetune = new ArrayList<>();
        for (String task : tasks) {
            Cell ft = cell(cells, RunKind.FINETUNE, Origin.Role.TEACHER, pretrainId, null, hardware, task);
            Cell inf = cell(cells, RunKind.INFERENCE, Origin.Role.TEACHER, pretrainId, null, hardware, task);
            finetune.add(ft.mean());
            if (inf != null) {
                inference.add(inf.mean());
            }
        }
        return new double[] {crossTaskCv(inference), crossTaskCv(finetune)};
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
            String hardware, String task) {
        if (role == Origin.Role.STUDENT && distillId == null) {
            return null;
        }
        return cells.get(new CellKey(kind.label(), role.label(), pretrainId, distillId, hardware, task));
    }

    /** Aggregation key: kind, lineage side and group. */
    private record CellKey(String kind, String role, String pretrainRunId, String distillRunId, String hardware, String task) {}

    /** Runs, mean and CV of one cell (kWh per fine-tuning, or J per inference example). */
    private record Cell(long runs, double mean, double standardDeviation, String models, List<String> sweepIds) {
        double cv() {
            return runs < 2 ? Double.NaN : standardDeviation / mean;
        }
    }
}
