package ftenergy.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.provenance.RuntimeVersions;
import ftenergy.attempt.SweepProvenance;
import com.typesafe.config.Config;
import ftenergy.config.LayeredConfig;
import ftenergy.data.Example;
import ftenergy.data.ExampleEncoder;
import ftenergy.data.QaRecord;
import ftenergy.data.QaSettings;
import ftenergy.data.TaskInfo;
import ftenergy.data.TaskType;
import ftenergy.attempt.TaskData;
import ftenergy.predict.Metric;
import ftenergy.predict.Predictor;
import ftenergy.predict.Scorer;
import ftenergy.text.TextTokenizer;
import ftenergy.predict.TinyCheckpoints;
import ftenergy.lake.TestSpark;
import ftenergy.model.TaskHead;
import ftenergy.run.EvalPoint;
import ftenergy.run.Hyperparameters;
import ftenergy.run.ModelSpec;
import ftenergy.run.RunKind;
import ftenergy.run.AttemptResult;
import ftenergy.run.RunSpec;
import ftenergy.run.RunStatus;
import ftenergy.run.StepRecord;
import ftenergy.text.Vocabulary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep's inference run through BertInference scores exactly what the predictor itself
 * predicts for token tagging and span QA (whose predictions travel back as tag names and token
 * positions), and becomes one step per batch of one metered window.
 */
class InferenceRunLauncherTest {

    private static final int CLS = Vocabulary.SPECIALS.indexOf(Vocabulary.CLS);
    private static final int SEP = Vocabulary.SPECIALS.indexOf(Vocabulary.SEP);
    private static final int FIRST_WORD = Vocabulary.SPECIALS.size();

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static Config config;

    @BeforeAll
    static void setUp() throws Exception {
        spark = TestSpark.session();
        config = LayeredConfig.load(null, Map.of(), Map.of("ftenergy.meter.sample-interval", "20ms"));
        TinyCheckpoints.write(dir, "tagger", new TaskHead(TaskType.TOKEN_CLASSIFICATION, List.of("O", "B-X", "I-X")));
        TinyCheckpoints.write(dir, "reader", new TaskHead(TaskType.SPAN_QA, List.of()));
    }

    @Test
    void tokenTagging_scoresTheTagsThePredictorGives() throws Exception {
        List<Example> eval = examples(TaskType.TOKEN_CLASSIFICATION, 7);
        AttemptResult result = launch("tagger", TaskType.TOKEN_CLASSIFICATION, eval, 3);
        assertEquals(expected("tagger", eval), result.evals().stream().map(e -> new Metric(e.metricName(), e.metricValue())).toList());
        assertMeasuredInBatches(result, List.of(3, 3, 1));
    }

    @Test
    void spanQa_scoresTheSpansThePredictorGives() throws Exception {
        List<Example> eval = examples(TaskType.SPAN_QA, 5);
        AttemptResult result = launch("reader", TaskType.SPAN_QA, eval, 2);
        List<Metric> metrics = result.evals().stream().map(e -> new Metric(e.metricName(), e.metricValue())).toList();
        assertEquals(expected("reader", eval), metrics);
        assertEquals(List.of("f1", "exact_match"), metrics.stream().map(Metric::name).toList());
        assertEquals("f1", result.run().metricName());
        assertMeasuredInBatches(result, List.of(2, 2, 1));
    }

    @Test
    void spanQa_questionsCutIntoWindows_areAnsweredOverAllTheirWindows() throws Exception {
        TaskInfo task = new TaskInfo("t", TaskType.SPAN_QA, List.of(), null, QaSettings.squadV2().withWindows(12, 3));
        String context = "the tower stands there and the film was good and the cast was bad in a long plot";
        List<Example> eval = new ArrayList<>();
        try (TextTokenizer tokenizer = TextTokenizer.load(dir.resolve("reader-tokenizer").resolve("tokenizer.json"), 32)) {
            ExampleEncoder encoder = new ExampleEncoder(tokenizer, task);
            eval.addAll(encoder.encode("validation", new QaRecord("q1", "who stands?", context,
                    List.of(new QaRecord.Answer("the tower", 0)))));
            eval.addAll(encoder.encode("validation", new QaRecord("q2", "a cast?", context, List.of())));
        }
        assertTrue(eval.size() >= 6, eval.size() + " windows");

        AttemptResult result = launch("reader", task, eval, 4);
        List<Metric> metrics = result.evals().stream().map(e -> new Metric(e.metricName(), e.metricValue())).toList();

        // Scored per question from each window's best span, its score and the null score as the
        // prediction columns carry them: as scoring the predictor's own outputs gives.
        assertEquals(expected("reader", task, eval), metrics);
        assertEquals(eval.size(), result.run().work().examples());
    }

    @Test
    void missingCheckpoint_failsTheLaunchNamingIt() {
        List<Example> eval = examples(TaskType.SPAN_QA, 2);
        Exception e = assertThrows(Exception.class, () -> launch("no-such-run", TaskType.SPAN_QA, eval, 2));
        assertTrue(e.getMessage().contains("no-such-run"), e.getMessage());
    }

    private static AttemptResult launch(String checkpoint, TaskType type, List<Example> eval, int batchSize) throws Exception {
        return launch(checkpoint, new TaskInfo("t", type, List.of(), "nothing"), eval, batchSize);
    }

    private static AttemptResult launch(String checkpoint, TaskInfo task, List<Example> eval, int batchSize) throws Exception {
        RunSpec spec = new RunSpec("inf-" + checkpoint, "s", RunKind.INFERENCE, "t", new ModelSpec("bert-toy", 1, 16, 2, 32,
                "run:" + checkpoint), new Hyperparameters(1e-4, batchSize, 1, 0, 32, 0, 0, false), 1, 0, List.of(), null);
        TaskData data = new TaskData(task, List.of(), eval);
        InferenceRunLauncher launcher = new InferenceRunLauncher(spark, run -> data, dir, null, config,
                new SweepProvenance("test", "hash", "tok", RuntimeVersions.jvm()));
        RunLauncher.Launched launched = launcher.launch(spec, 3);
        assertFalse(launched.taskFinishedAt().isBefore(launched.taskStartedAt()));
        return launched.result();
    }

    /** What scoring the predictor's own outputs gives, one batch of everything. */
    private static List<Metric> expected(String checkpoint, List<Example> eval) {
        return expected(checkpoint, new TaskInfo("t", Predictor.fineTuned(dir.resolve(checkpoint)).head().type(), List.of(),
                null), eval);
    }

    private static List<Metric> expected(String checkpoint, TaskInfo task, List<Example> eval) {
        try (Predictor predictor = Predictor.open(dir.resolve(checkpoint), List.of(), 32)) {
            Scorer scorer = new Scorer(predictor.head(), null, task.qa());
            var outputs = predictor.predict(eval);
            for (int i = 0; i < eval.size(); i++) {
                scorer.add(outputs.get(i), eval.get(i));
            }
            return scorer.metrics();
        }
    }

    private static void assertMeasuredInBatches(AttemptResult result, List<Integer> batchSizes) {
        assertEquals(RunStatus.SUCCEEDED, result.run().status());
        assertEquals(3, result.run().attempt());
        // The evaluation examples, predicted pass after pass until the batches spanned 10 sample intervals of 20 ms.
        int passes = result.run().work().passes();
        assertTrue(passes >= 1, result.run().work().toString());
        List<Integer> everyPass = new ArrayList<>();
        List<Integer> epochs = new ArrayList<>();
        for (int pass = 0; pass < passes; pass++) {
            everyPass.addAll(batchSizes);
            for (int i = 0; i < batchSizes.size(); i++) {
                epochs.add(pass);
            }
        }
        assertEquals(everyPass, result.steps().stream().map(StepRecord::batchSize).toList());
        assertEquals(epochs, result.steps().stream().map(StepRecord::epoch).toList(), "a step's epoch is its pass");
        assertEquals(passes * batchSizes.stream().mapToLong(Integer::longValue).sum(), result.run().work().examples(),
                "examples count every pass");
        assertEquals(result.steps().stream().mapToLong(StepRecord::tokensPadded).sum(), result.run().work().tokensPadded());
        assertTrue(result.run().energy().kwh() > 0, result.run().toString());
        double stepJoules = result.steps().stream().mapToDouble(StepRecord::energyJoules).sum();
        assertTrue(result.run().energy().kwh() * 3.6e6 >= stepJoules, "the window holds every batch and model loading");
        // Loading the model is measured apart: a part of the window's energy, never all of it.
        double setupKwh = result.run().parts().setupKwh();
        assertTrue(setupKwh >= 0 && setupKwh <= result.run().energy().kwh(), setupKwh + " of " + result.run().energy().kwh());
        // The parts are windows of the run's own and add up to it: loading, then the batches.
        assertEquals(result.run().energy().kwh(), result.run().parts().totalKwh(), 1e-12, result.run().parts().toString());
        assertEquals(0, result.run().parts().evaluationKwh());
        assertTrue(result.run().provenance().dataVersion().matches("[0-9a-f]{16}"), result.run().provenance().toString());
        assertTrue(result.run().provenance().runtime().contains("pytorch="), result.run().provenance().runtime());
        assertTrue(result.run().modelParams() > 0);
        assertFalse(result.samples().isEmpty());
        for (EvalPoint eval : result.evals()) {
            assertEquals(result.steps().size(), eval.step());
        }
    }

    /** Words between [CLS] and [SEP]; tagging examples label every other token, QA ones have a question and a context. */
    private static List<Example> examples(TaskType type, int count) {
        Random random = new Random(11);
        int words = TinyCheckpoints.WORDS.size();
        List<Example> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int length = 6 + random.nextInt(10);
            int[] ids = new int[length];
            int[] types = new int[length];
            int[] tags = new int[length];
            ids[0] = CLS;
            ids[length - 1] = SEP;
            tags[0] = Example.IGNORE;
            tags[length - 1] = Example.IGNORE;
            for (int t = 1; t < length - 1; t++) {
                ids[t] = FIRST_WORD + random.nextInt(words);
                tags[t] = t % 2 == 0 ? Example.IGNORE : random.nextInt(3);
            }
            if (type == TaskType.SPAN_QA) {
                ids[2] = SEP; // [CLS] q [SEP] context... [SEP]
                for (int t = 3; t < length; t++) {
                    types[t] = 1;
                }
                int start = n % 2 == 0 ? 0 : 3 + random.nextInt(length - 4);
                out.add(new Example("t", "validation", "q" + n, ids, types, -1, new int[0], start,
                        start == 0 ? 0 : Math.min(length - 2, start + random.nextInt(3))));
            } else {
                out.add(new Example("t", "validation", "s" + n, ids, types, -1, tags, -1, -1));
            }
        }
        return out;
    }
}
