package ftenergy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigRenderOptions;
import ftenergy.analyze.AnalysisRuns;
import ftenergy.analyze.RegressionJob;
import ftenergy.analyze.RegressionSettings;
import ftenergy.attempt.AttemptInputs;
import ftenergy.attempt.RunAttempt;
import ftenergy.attempt.SweepProvenance;
import ftenergy.attempt.TaskData;
import ftenergy.config.LayeredConfig;
import ftenergy.data.Example;
import ftenergy.data.TaskInfo;
import ftenergy.data.TaskType;
import ftenergy.lake.LakeTables;
import ftenergy.lake.LakeWriter;
import ftenergy.lake.Lakehouse;
import ftenergy.lake.RunRows;
import ftenergy.lake.TestSpark;
import ftenergy.provenance.RuntimeVersions;
import ftenergy.run.AttemptResult;
import ftenergy.run.Hyperparameters;
import ftenergy.run.ModelSpec;
import ftenergy.run.RunKind;
import ftenergy.run.RunSpec;
import ftenergy.run.RunStatus;
import ftenergy.stats.RegressionFit;
import ftenergy.train.SingleThreadTorch;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper's first finding recovered from measurements, not from made-up rows: six real tiny
 * fine-tunes of 20 to 320 steps (after one that warms the engine up), each metered by its own
 * {@link RunAttempt} window on this machine, written to a lakehouse's {@code runs} and regressed by
 * {@link RegressionJob}. Their energy, whole run and training loop alike, is a line in padded
 * tokens, and the report's finding says it holds. One intra-op thread: two OpenMP threads spinning
 * for each other on a busy shared host bill CPU time that no work needed, which the meter's CPU
 * share then charges. (Runs of 4 to 64 steps of a smaller model, 0.1 to 0.5 s each, gave R² 0.01 to
 * 0.05 here: too short to measure, as inference passes are.)
 */
@ExtendWith(SingleThreadTorch.class)
class MeasuredLinearityTest {

    private static final int VOCAB = 200;
    private static final int CLS = 101;
    private static final int SEP = 102;
    private static final List<Integer> STEPS = List.of(20, 40, 80, 160, 240, 320);

    @TempDir
    static Path dir;

    static SparkSession spark;
    static final List<AttemptResult> results = new ArrayList<>();
    static List<RegressionFit> fits;

    @BeforeAll
    static void fineTuneAndFit() {
        spark = TestSpark.session();
        String config = LayeredConfig.load(null, Map.of(), Map.of("ftenergy.meter.sample-interval", "50ms")).root()
                .render(ConfigRenderOptions.concise());
        TaskData data = new TaskData(new TaskInfo("toy", TaskType.SEQUENCE_CLASSIFICATION, List.of("no", "yes"), null),
                examples("train", 256, 1), examples("validation", 16, 2));
        SweepProvenance provenance = new SweepProvenance("test", "hash", "tok", RuntimeVersions.jvm());
        List<Integer> runs = new ArrayList<>(List.of(10));
        runs.addAll(STEPS);
        for (int steps : runs) {
            RunSpec spec = new RunSpec("linear-" + steps, "linearity", RunKind.FINETUNE, "toy",
                    new ModelSpec("bert-toy", 2, 64, 2, 128, "scratch"), new Hyperparameters(1e-3, 16, 20, steps, 32, 0.1, 0.01, false),
                    1, 0, List.of(), null);
            AttemptInputs inputs = new AttemptInputs(spec, 1, dir.resolve("checkpoints").toString(), false, null, VOCAB, 1_000,
                    config, provenance);
            results.add(RunAttempt.execute(inputs, () -> data, List.of(), 0, line -> {}));
        }
        // The first run warms up the JVM and the engine; the analysis gets the runs after it.
        results.remove(0);
        String lake = dir.resolve("lake").toString();
        Lakehouse lakehouse = new Lakehouse(spark, lake);
        lakehouse.create(LakeTables.RUNS);
        new LakeWriter(lakehouse).append(LakeTables.RUNS, results.stream().map(r -> RunRows.run(spark, r))
                .reduce(Dataset::union).orElseThrow());
        fits = RegressionJob.fit(AnalysisRuns.load(spark, lake, List.of()), RegressionSettings.defaults(), Instant.now()).fits();
        fits.stream().filter(f -> f.predictorSet().equals("tokens_padded")).forEach(f -> System.out.println(f.describe()));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void runsAreMeasuredNotMadeUp() {
        for (AttemptResult result : results) {
            assertEquals(RunStatus.SUCCEEDED, result.run().status(), String.valueOf(result.run().error()));
            assertEquals(result.run().spec().hyperparameters().maxSteps(), result.run().work().steps());
            assertTrue(result.run().energy().kwh() > 0 && !result.samples().isEmpty(), result.run().toString());
            assertEquals(result.run().energy().kwh(), result.run().parts().totalKwh(), 1e-12, "the meter windows add up");
        }
    }

    @Test
    void energyIsALineInPaddedTokens_wholeRunAndTrainingLoop() {
        for (String response : List.of("energy_kwh", "energy_steps_kwh")) {
            RegressionFit fit = fits.stream().filter(f -> f.response().equals(response) && f.predictorSet().equals("tokens_padded")
                    && f.withIntercept()).findFirst().orElseThrow(() -> new AssertionError("no " + response + " fit in " + fits));
            assertEquals(STEPS.size(), fit.rows());
            assertTrue(fit.coefficient("tokens_padded").estimate() > 0, fit.describe());
            assertTrue(fit.coefficient("tokens_padded").pValue() < 0.01, fit.describe());
            assertTrue(fit.r2() >= Findings.GOOD_FIT_R2, fit.describe());
        }
        Claim claim = Findings.linearInTokens(fits);
        assertEquals(Verdict.HOLDS, claim.verdict(), claim.evidence());
    }

    /** Sentences of 6 to 30 random words between [CLS] and [SEP], labelled at random. */
    private static List<Example> examples(String split, int count, long seed) {
        Random random = new Random(seed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int length = 8 + random.nextInt(25);
            int[] ids = new int[length];
            ids[0] = CLS;
            ids[length - 1] = SEP;
            for (int t = 1; t < length - 1; t++) {
                ids[t] = 110 + random.nextInt(VOCAB - 110);
            }
            out.add(new Example("toy", split, split + "-" + i, ids, new int[length], random.nextInt(2), new int[0], -1, -1));
        }
        return out;
    }
}
