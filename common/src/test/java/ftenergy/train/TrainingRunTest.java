package ftenergy.train;

import static ftenergy.train.SyntheticTasks.TINY;
import static ftenergy.train.SyntheticTasks.VOCAB;
import static ftenergy.train.SyntheticTasks.hyperparameters;
import static ftenergy.train.SyntheticTasks.spec;
import static ftenergy.train.SyntheticTasks.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.data.Example;
import ftenergy.data.TaskInfo;
import ftenergy.data.TaskType;
import ftenergy.run.EvalPoint;
import ftenergy.run.RunKind;
import ftenergy.run.RunStatus;
import ftenergy.run.StepRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.extension.ExtendWith(ftenergy.train.SingleThreadTorch.class)
class TrainingRunTest {

    @TempDir
    Path dir;

    /** A meter whose counter advances one joule per reading, so each step reads exactly 1 J. */
    static final class CountingMeter implements TrainingObserver {
        double joules;
        final List<StepRecord> steps = new ArrayList<>();
        final List<EvalPoint> evals = new ArrayList<>();
        /** Steps already reported each time the training loop said it starts. */
        final List<Integer> trainingStarts = new ArrayList<>();

        @Override
        public double joulesSoFar() {
            return joules++;
        }

        @Override
        public void trainingStarts() {
            trainingStarts.add(steps.size());
        }

        @Override
        public void onStep(StepRecord step) {
            steps.add(step);
        }

        @Override
        public void onEval(EvalPoint point) {
            evals.add(point);
        }
    }

    private static TrainingInputs inputs(TaskInfo task, List<Example> all, Path init, Path output, int evalEvery) {
        int split = all.size() * 3 / 4;
        return new TrainingInputs(task, all.subList(0, split), all.subList(split, all.size()), VOCAB, init, output, null,
                List.of(), evalEvery);
    }

    @Test
    void finetune_sequenceClassification_learnsAndReportsEveryStep() {
        CountingMeter meter = new CountingMeter();
        TaskInfo task = task("toy-sentiment", TaskType.SEQUENCE_CLASSIFICATION, List.of("neg", "pos"));
        TrainingOutcome outcome = TrainingRun.execute(spec(RunKind.FINETUNE, TINY, hyperparameters(3e-3, 16, 100), 1),
                inputs(task, SyntheticTasks.sentiment(400, 1), null, null, 50), meter);

        assertEquals(RunStatus.SUCCEEDED, outcome.status(), outcome.error());
        assertEquals("accuracy", outcome.metricName());
        assertTrue(outcome.metricValue() > 0.85, "accuracy " + outcome.metricValue());
        assertEquals(100, outcome.steps());
        assertEquals(100, outcome.stepRecords().size());
        assertEquals(outcome.stepRecords(), meter.steps);
        assertEquals(List.of(0), meter.trainingStarts, "once, before the first step: the rest of the run was setup");
        long real = 0;
        long padded = 0;
        long examples = 0;
        for (int i = 0; i < 100; i++) {
            StepRecord step = outcome.stepRecords().get(i);
            assertEquals(i + 1, step.step());
            assertEquals(1.0, step.energyJoules());
            assertEquals((long) step.batchSize() * step.seqLen(), step.tokensPadded());
            assertTrue(step.tokensReal() <= step.tokensPadded());
            real += step.tokensReal();
            padded += step.tokensPadded();
            examples += step.batchSize();
        }
        assertEquals(real, outcome.tokensReal());
        assertEquals(padded, outcome.tokensPadded());
        // 300 training examples: 18 batches of 16 and one of 12 per epoch.
        assertEquals(16 * 100 - 20, outcome.examples());
        assertEquals(examples, outcome.examples());
        assertEquals(List.of(50L, 100L), outcome.evals().stream().map(EvalPoint::step).toList());
        assertEquals(outcome.evals(), meter.evals);
        assertTrue(outcome.modelParams() > 0);
    }

    @Test
    void finetune_sentencePairs_learnsAboveChance() {
        TaskInfo task = task("toy-pairs", TaskType.SEQUENCE_CLASSIFICATION, List.of("different", "same"));
        TrainingOutcome outcome = TrainingRun.execute(spec(RunKind.FINETUNE, TINY, hyperparameters(3e-3, 16, 100), 2),
                inputs(task, SyntheticTasks.pairs(600, 2), null, null, 0), TrainingObserver.NONE);
        assertEquals(RunStatus.SUCCEEDED, outcome.status(), outcome.error());
        assertTrue(outcome.metricValue() > 0.85, "pair accuracy " + outcome.metricValue());
        assertTrue(Double.isNaN(outcome.stepRecords().get(0).energyJoules()));
    }

    @Test
    void finetune_tokenClassification_learnsEntitySpans() {
        TaskInfo task = task("toy-ner", TaskType.TOKEN_CLASSIFICATION, SyntheticTasks.TAGS);
        TrainingOutcome outcome = TrainingRun.execute(spec(RunKind.FINETUNE, TINY, hyperparameters(3e-3, 16, 100), 3),
                inputs(task, SyntheticTasks.entities(400, 3), null, null, 0), TrainingObserver.NONE);
        assertEquals(RunStatus.SUCCEEDED, outcome.status(), outcome.error());
        assertEquals("f1", outcome.metricName());
        assertTrue(outcome.metricValue() > 0.8, "span f1 " + outcome.metricValue());
    }

    @Test
    void finetune_spanQa_beatsAlwaysNoAnswer() {
        TaskInfo task = task("toy-qa", TaskType.SPAN_QA, List.of());
        TrainingOutcome outcome = TrainingRun.execute(spec(RunKind.FINETUNE, TINY, hyperparameters(3e-3, 16, 250), 4),
                inputs(task, SyntheticTasks.questions(600, 4), null, null, 0), TrainingObserver.NONE);
        assertEquals(RunStatus.SUCCEEDED, outcome.status(), outcome.error());
        assertEquals("f1", outcome.metricName());
        // A third of the questions have no answer: always answering "none" scores about 0.33.
        assertTrue(outcome.metricValue() > 0.6, "squad f1 " + outcome.metricValue());
        assertTrue(outcome.evals().stream().anyMatch(e -> e.metricName().equals("exact_match")));
    }

    @Test
    void absurdLearningRate_endsDivergedWithoutThrowing() {
        TaskInfo task = task("toy-sentiment", TaskType.SEQUENCE_CLASSIFICATION, List.of("neg", "pos"));
        TrainingOutcome outcome = TrainingRun.execute(spec(RunKind.FINETUNE, TINY, hyperparameters(1e30, 16, 60), 5),
                inputs(task, SyntheticTasks.sentiment(200, 5), null, null, 0), TrainingObserver.NONE);
        assertEquals(RunStatus.DIVERGED, outcome.status());
        assertTrue(outcome.error().contains("became"), outcome.error());
        assertTrue(outcome.steps() < 60 && outcome.steps() > 0, "steps " + outcome.steps());
    }

    @Test
    void badLabel_endsFailedNamingExampleAndExceptionClass() {
        TaskInfo task = task("toy-sentiment", TaskType.SEQUENCE_CLASSIFICATION, List.of("neg", "pos"));
        List<Example> examples = new ArrayList<>(SyntheticTasks.sentiment(40, 6));
        Example bad = examples.get(0);
        examples.set(0, new Example(bad.task(), bad.split(), "broken-7", bad.inputIds(), bad.typeIds(), 5,
                bad.tokenLabels(), -1, -1));
        TrainingOutcome outcome = TrainingRun.execute(spec(RunKind.FINETUNE, TINY, hyperparameters(1e-3, 40, 3), 6),
                new TrainingInputs(task, examples, examples, VOCAB, null, null, null, List.of(), 0), TrainingObserver.NONE);
        assertEquals(RunStatus.FAILED, outcome.status());
        assertTrue(outcome.error().startsWith("java.lang.IllegalArgumentException"), outcome.error());
        assertTrue(outcome.error().contains("broken-7"), outcome.error());
    }

    @Test
    void pretrain_distill_finetune_chainThroughCheckpoints() {
        TaskInfo corpus = task("toy-corpus", TaskType.MASKED_LM, List.of());
        Path pretrained = dir.resolve("pretrained");
        TrainingOutcome pretrain = TrainingRun.execute(spec(RunKind.PRETRAIN, TINY, hyperparameters(5e-3, 16, 150), 7),
                inputs(corpus, SyntheticTasks.corpus(400, 7), null, pretrained, 50), TrainingObserver.NONE);
        assertEquals(RunStatus.SUCCEEDED, pretrain.status(), pretrain.error());
        assertEquals("mlm_loss", pretrain.metricName());
        List<Double> losses = pretrain.evals().stream().filter(e -> e.metricName().equals("mlm_loss"))
                .map(EvalPoint::metricValue).toList();
        assertEquals(3, losses.size());
        // Uniform guessing over the vocabulary scores ln(200) = 5.3. Over these 150 toy steps the loss
        // falls by 0.05 to 0.28 depending on the dropout stream (engine seeds 7 to 12, measured).
        assertTrue(losses.get(2) < losses.get(0) - 0.05 && losses.get(2) < Math.log(VOCAB) - 0.5, "mlm loss " + losses);

        Path student = dir.resolve("student");
        var distilSpec = new ftenergy.run.ModelSpec("distil-bert-toy", 1, 32, 2, 64, "run:pretrain-7");
        TrainingOutcome distill = TrainingRun.execute(spec(RunKind.DISTILL, distilSpec, hyperparameters(1e-3, 16, 30), 8),
                inputs(corpus, SyntheticTasks.corpus(200, 8), pretrained, student, 0), TrainingObserver.NONE);
        assertEquals(RunStatus.SUCCEEDED, distill.status(), distill.error());
        assertEquals(30, distill.steps());
        assertTrue(distill.modelParams() < pretrain.modelParams());
        assertEquals(1, ftenergy.model.checkpoint.Checkpoint.readInfo(student).config().numHiddenLayers());

        TaskInfo sentiment = task("toy-sentiment", TaskType.SEQUENCE_CLASSIFICATION, List.of("neg", "pos"));
        TrainingOutcome finetune = TrainingRun.execute(spec(RunKind.FINETUNE, distilSpec, hyperparameters(3e-3, 16, 40), 9),
                inputs(sentiment, SyntheticTasks.sentiment(200, 9), student, dir.resolve("finetuned"), 0),
                TrainingObserver.NONE);
        assertEquals(RunStatus.SUCCEEDED, finetune.status(), finetune.error());

        // Inference runs go through the Spark side's BertInference; the trainer refuses them, naming the run.
        TrainingOutcome inference = TrainingRun.execute(spec(RunKind.INFERENCE, distilSpec, hyperparameters(1e-3, 8, 1), 10),
                inputs(sentiment, SyntheticTasks.sentiment(40, 10), dir.resolve("finetuned"), null, 0), TrainingObserver.NONE);
        assertEquals(RunStatus.FAILED, inference.status());
        assertTrue(inference.error().contains("is an inference run"), inference.error());
    }

    @Test
    void finetune_fromCheckpointOfAnotherShape_failsNamingBoth() {
        TaskInfo corpus = task("toy-corpus", TaskType.MASKED_LM, List.of());
        Path pretrained = dir.resolve("pretrained");
        TrainingOutcome pretrain = TrainingRun.execute(spec(RunKind.PRETRAIN, TINY, hyperparameters(5e-3, 16, 2), 11),
                inputs(corpus, SyntheticTasks.corpus(40, 11), null, pretrained, 0), TrainingObserver.NONE);
        assertEquals(RunStatus.SUCCEEDED, pretrain.status(), pretrain.error());
        var wider = new ftenergy.run.ModelSpec("bert-wider", 2, 64, 2, 64, "scratch");
        TaskInfo sentiment = task("toy-sentiment", TaskType.SEQUENCE_CLASSIFICATION, List.of("neg", "pos"));
        TrainingOutcome outcome = TrainingRun.execute(spec(RunKind.FINETUNE, wider, hyperparameters(1e-3, 16, 2), 12),
                inputs(sentiment, SyntheticTasks.sentiment(40, 12), pretrained, null, 0), TrainingObserver.NONE);
        assertEquals(RunStatus.FAILED, outcome.status());
        assertTrue(outcome.error().contains("bert-wider") && outcome.error().contains("H32"), outcome.error());
        assertEquals(0, outcome.steps());
    }

    @Test
    void concurrentCalls_runOneAfterTheOther() throws Exception {
        TaskInfo task = task("toy-sentiment", TaskType.SEQUENCE_CLASSIFICATION, List.of("neg", "pos"));
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        List<TrainingOutcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            String name = "run" + run;
            TrainingObserver logging = new TrainingObserver() {
                @Override
                public double joulesSoFar() {
                    return Double.NaN;
                }

                @Override
                public void onStep(StepRecord step) {
                    log.add(name);
                }
            };
            int seed = 20 + run;
            threads.add(new Thread(() -> outcomes.add(TrainingRun.execute(
                    spec(RunKind.FINETUNE, TINY, hyperparameters(1e-3, 8, 12), seed),
                    inputs(task, SyntheticTasks.sentiment(40, seed), null, null, 0), logging))));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(2, outcomes.size());
        outcomes.forEach(o -> assertEquals(RunStatus.SUCCEEDED, o.status(), o.error()));
        assertEquals(24, log.size());
        // Serialised: all twelve steps of one run, then all twelve of the other.
        assertEquals(1, log.subList(0, 12).stream().distinct().count(), log.toString());
        assertEquals(1, log.subList(12, 24).stream().distinct().count(), log.toString());
    }
}
