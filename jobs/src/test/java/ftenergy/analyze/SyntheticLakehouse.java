package ftenergy.analyze;

import ftenergy.lake.LakeTables;
import ftenergy.lake.LakeWriter;
import ftenergy.lake.Lakehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * A small sweep with known ground truth, written through the lakehouse: fine-tuning energy is
 * exactly {@code intercept + slope · tokens_padded} plus Gaussian noise per hardware and model, so
 * regressions can be checked against the truth. Also one pre-training (with masked-LM evaluations),
 * one distillation, inference runs, evaluation curves (accuracy; f1 and exact match of one run),
 * one superseded failed attempt and one diverged run (both must be ignored).
 *
 * <p>{@code main(lakehouseDir)} writes it for the notebooks.
 */
public final class SyntheticLakehouse {

    static final String GPU = "Synthetic GPU A";
    static final String CPU = "Synthetic CPU B";
    static final String TEACHER = "bert-mini";
    static final String STUDENT = "distil-mini";
    static final String SWEEP = "synthetic-sweep";

    /** Ground truth of one hardware and model: kWh = intercept + slope · padded tokens + N(0, noise²). */
    record Truth(String hardware, String model, double interceptKwh, double slopeKwhPerToken, double noiseKwh, double tokensPerSecond) {}

    static final List<Truth> TRUTHS = List.of(
            new Truth(GPU, TEACHER, 0.002, 2.0e-9, 0.0003, 40_000),
            new Truth(GPU, STUDENT, 0.001, 1.0e-9, 0.0001, 80_000),
            new Truth(CPU, TEACHER, 0.0005, 6.0e-9, 0.0004, 4_000),
            new Truth(CPU, STUDENT, 0.0003, 3.0e-9, 0.0002, 8_000));

    /** Task: training examples and mean real length. */
    private record Task(String name, long trainExamples, double meanRealLength) {}

    private static final List<Task> TASKS = List.of(new Task("sst2", 67_000, 24), new Task("rte", 2_500, 90));

    private SyntheticLakehouse() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: SyntheticLakehouse <lakehouse-dir>");
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder().master("local[2]").appName("synthetic-lakehouse")
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        write(spark, args[0], 42L);
        spark.stop();
    }

    /** Creates the contract tables under {@code root} and appends the synthetic sweep. */
    public static void write(SparkSession spark, String root, long seed) {
        Random random = new Random(seed);
        List<RunRow> runs = new ArrayList<>();
        List<Row> evals = new ArrayList<>();
        runs.add(RunRow.of("P", "pretrain").gpu(GPU).set("sweep_id", SWEEP).set("task", "corpus").set("tokens_padded", 500_000_000L)
                .set("tokens_real", 500_000_000L).set("duration_s", 12_500.0).set("steps", 100_000L).set("examples", 4_000_000L)
                .set("metric_name", "mlm_loss").set("metric_value", 2.1).energy(2.0));
        runs.add(RunRow.of("D", "distill").gpu(GPU).from("P").set("sweep_id", SWEEP).set("task", "corpus").set("model", STUDENT).set("layers", 2)
                .set("tokens_padded", 200_000_000L).set("tokens_real", 200_000_000L).set("duration_s", 5_000.0)
                .set("steps", 40_000L).set("examples", 1_600_000L).set("metric_name", "distill_loss").energy(0.6));
        int n = 0;
        for (Truth truth : TRUTHS) {
            for (Task task : TASKS) {
                for (int epochs = 1; epochs <= 3; epochs++) {
                    for (int batch : new int[] {8, 32}) {
                        for (long runSeed = 1; runSeed <= 2; runSeed++) {
                            String id = "ft-" + (n++);
                            RunRow run = finetune(id, truth, task, epochs, batch, runSeed, random);
                            runs.add(run);
                            if (truth.hardware().equals(GPU) && task.name().equals("sst2") && epochs == 3 && batch == 32 && runSeed == 1) {
                                evals.addAll(curve(id, "accuracy", truth, run));
                                for (int i = 0; i < 3; i++) {
                                    runs.add(inference("inf-" + id + "-" + i, id, truth, task, random));
                                }
                            }
                            if (truth.hardware().equals(GPU) && task.name().equals("rte") && epochs == 3 && batch == 32 && runSeed == 1) {
                                // Two metrics per evaluation, as span QA records them: each its own curve.
                                evals.addAll(curve(id, "f1", truth, run));
                                evals.addAll(curve(id, "exact_match", truth, run));
                            }
                            if (truth.hardware().equals(GPU) && task.name().equals("rte") && epochs == 1 && batch == 8 && runSeed == 1) {
                                for (int i = 0; i < 3; i++) {
                                    runs.add(inference("inf-" + id + "-" + i, id, truth, task, random));
                                }
                            }
                        }
                    }
                }
            }
        }
        // Superseded: attempt 1 of ft-0 failed with a nonsense energy; attempt 2 (above) succeeded.
        runs.get(2).set("attempt", 2); // ft-0, the first fine-tune
        runs.add(RunRow.of("ft-0", "finetune").gpu(GPU).from("P").set("status", "failed").set("error", "killed").energy(9.9));
        // Latest attempt diverged: must be left out entirely.
        runs.add(RunRow.of("ft-diverged", "finetune").gpu(GPU).from("P").set("status", "diverged").energy(5.0));

        // The pre-training's own evaluations: a loss, not a task metric.
        for (int i = 1; i <= 4; i++) {
            evals.add(RowFactory.create("P", 1, 25_000L * i, "mlm_loss", 6.0 - i, 0.5 * i, 0.2 * i, SWEEP));
        }

        Lakehouse lake = new Lakehouse(spark, root);
        lake.create();
        LakeWriter writer = new LakeWriter(lake);
        writer.append(LakeTables.RUNS, spark.createDataFrame(runs.stream().map(RunRow::toRow).toList(), LakeTables.RUNS.schema()));
        writer.append(LakeTables.EVALS, spark.createDataFrame(evals, LakeTables.EVALS.schema()));
    }

    private static RunRow finetune(String id, Truth truth, Task task, int epochs, int batch, long runSeed, Random random) {
        long examples = task.trainExamples() * epochs;
        long real = Math.round(examples * task.meanRealLength() * (1 + 0.02 * random.nextGaussian()));
        // Larger batches pad more: the longest sequence of a bigger batch is longer.
        long padded = Math.round(real * (batch == 8 ? 1.25 : 1.6));
        double kwh = truth.interceptKwh() + truth.slopeKwhPerToken() * padded + truth.noiseKwh() * random.nextGaussian();
        double seconds = 5 + padded / truth.tokensPerSecond() * (1 + 0.03 * random.nextGaussian());
        RunRow run = RunRow.of(id, "finetune").set("sweep_id", SWEEP).set("task", task.name()).set("model", truth.model())
                .set("epochs", epochs).set("batch_size", batch).set("seed", runSeed).set("examples", examples)
                .set("steps", (examples + batch - 1) / batch).set("tokens_real", real).set("tokens_padded", padded)
                .set("duration_s", seconds).set("metric_value", 0.7 + 0.05 * epochs + 0.01 * random.nextGaussian());
        if (truth.hardware().equals(GPU)) {
            run.gpu(GPU);
        }
        if (truth.model().equals(STUDENT)) {
            run.set("layers", 2).set("model_params", 6_000_000L);
        }
        // The fixed cost is the setup's (loading); the training loop's energy is the tokens' share.
        return run.from(truth.model().equals(TEACHER) ? "P" : "D").energy(kwh).set("energy_setup_kwh", truth.interceptKwh())
                .set("energy_steps_kwh", kwh - truth.interceptKwh()).set("energy_eval_kwh", 0.0).set("energy_checkpoint_kwh", 0.0);
    }

    private static RunRow inference(String id, String finetuneId, Truth truth, Task task, Random random) {
        long examples = 500;
        long tokens = Math.round(examples * task.meanRealLength());
        double kwh = truth.slopeKwhPerToken() / 3 * tokens * (1 + 0.02 * random.nextGaussian());
        return RunRow.of(id, "inference").gpu(GPU).from(finetuneId).set("sweep_id", SWEEP).set("task", task.name())
                .set("model", truth.model()).set("batch_size", 1).set("examples", examples).set("steps", examples)
                .set("tokens_real", tokens).set("tokens_padded", tokens).set("duration_s", tokens / truth.tokensPerSecond() / 3)
                .energy(kwh);
    }

    private static List<Row> curve(String runId, String metric, Truth truth, RunRow run) {
        long steps = (Long) run.get("steps");
        double kwh = (Double) run.get("energy_kwh");
        double co2 = (Double) run.get("co2_kg");
        double best = truth.model().equals(TEACHER) ? 0.92 : 0.90;
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            double fraction = i / 6.0;
            rows.add(RowFactory.create(runId, 1, Math.round(steps * fraction), metric,
                    0.5 + (best - 0.5) * (1 - Math.exp(-3 * fraction)), kwh * fraction, co2 * fraction, run.get("sweep_id")));
        }
        return rows;
    }
}
