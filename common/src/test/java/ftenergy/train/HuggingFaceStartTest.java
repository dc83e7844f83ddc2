package ftenergy.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ftenergy.data.Example;
import ftenergy.data.TaskInfo;
import ftenergy.data.TaskType;
import ftenergy.model.checkpoint.Checkpoint;
import ftenergy.model.checkpoint.CheckpointInfo;
import ftenergy.model.checkpoint.HuggingFaceDirs;
import ftenergy.model.TaskHead;
import ftenergy.run.ModelSpec;
import ftenergy.run.RunKind;
import ftenergy.run.RunStatus;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fine-tuning starts from HuggingFace BERT and DistilBERT directories and leaves checkpoints of the same type. */
@ExtendWith(SingleThreadTorch.class)
class HuggingFaceStartTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"bert, SEQUENCE_CLASSIFICATION", "distilbert, SEQUENCE_CLASSIFICATION", "distilbert, TOKEN_CLASSIFICATION",
            "distilbert, SPAN_QA"})
    void finetune_fromAHuggingFaceDirectory_trainsItsEncoder(String type, TaskType head) throws Exception {
        Path start = dir.resolve(type);
        Map<String, float[]> file = type.equals("bert") ? HuggingFaceDirs.bert(start, 7) : HuggingFaceDirs.distilBert(start, 7);
        ModelSpec model = new ModelSpec(type + "-toy", HuggingFaceDirs.LAYERS, HuggingFaceDirs.HIDDEN, HuggingFaceDirs.HEADS,
                HuggingFaceDirs.INTERMEDIATE, start.toString());
        TaskInfo task = switch (head) {
            case SEQUENCE_CLASSIFICATION -> SyntheticTasks.task("toy-sentiment", head, List.of("neg", "pos"));
            case TOKEN_CLASSIFICATION -> SyntheticTasks.task("toy-entities", head, List.of("O", "B-ENT", "I-ENT"));
            default -> SyntheticTasks.task("toy-questions", head, List.of());
        };
        List<Example> all = switch (head) {
            case SEQUENCE_CLASSIFICATION -> SyntheticTasks.sentiment(64, 7);
            case TOKEN_CLASSIFICATION -> SyntheticTasks.entities(64, 7);
            default -> SyntheticTasks.questions(64, 7);
        };
        Path out = dir.resolve("finetuned");
        TrainingInputs inputs = new TrainingInputs(task, all.subList(0, 48), all.subList(48, 64), HuggingFaceDirs.VOCAB, start,
                out, null, List.of(), 0);

        TrainingOutcome outcome = TrainingRun.execute(SyntheticTasks.spec(RunKind.FINETUNE, model,
                SyntheticTasks.hyperparameters(1e-3, 16, 6), 7), inputs, TrainingObserver.NONE);

        assertEquals(RunStatus.SUCCEEDED, outcome.status(), outcome.error());
        assertEquals(6, outcome.steps());
        assertTrue(outcome.stepRecords().stream().allMatch(step -> Double.isFinite(step.loss())));
        CheckpointInfo saved = Checkpoint.readInfo(out);
        assertEquals(type.equals("distilbert"), saved.config().isDistilBert());
        assertEquals(TaskHead.of(task), saved.head());
        assertEquals("vocab.txt", saved.tokenizerFileName(), "the start's tokenizer travels with the fine-tuned model");
        try (NDManager manager = NDManager.newBaseManager()) {
            var tuned = Checkpoint.load(out, manager, null).model().namedParameters();
            String query = type.equals("bert") ? "bert.encoder.layer.0.attention.self.query.weight"
                    : "distilbert.transformer.layer.0.attention.q_lin.weight";
            assertFalse(Arrays.equals(file.get(query),
                    tuned.get("bert.encoder.layer.0.attention.self.query.weight").getArray().toFloatArray()),
                    "the encoder loaded from the directory was trained");
            // DistilBERT has a pooler (its pre_classifier) only under a sequence head; BERT always.
            boolean pooler = type.equals("bert") || head == TaskType.SEQUENCE_CLASSIFICATION;
            assertEquals(pooler, tuned.containsKey("bert.pooler.dense.weight"));
        }
    }
}
