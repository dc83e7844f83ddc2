package ftenergy.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ftenergy.data.Batch;
import ftenergy.data.TaskType;
import ftenergy.model.checkpoint.BertWeightImport;
import ftenergy.model.checkpoint.Checkpoint;
import ftenergy.model.checkpoint.CheckpointMismatchException;
import ftenergy.model.checkpoint.ImportScope;
import ftenergy.model.checkpoint.LoadedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.extension.ExtendWith(ftenergy.train.SingleThreadTorch.class)
class CheckpointTest {

    @TempDir
    Path dir;

    private static final Batch BATCH = Batch.of(List.of(BertModelTest.LONG, BertModelTest.SHORT));

    private static float[] logits(BertModel model, NDManager manager) {
        try (NDManager step = manager.newSubManager()) {
            NDList out = model.forward(new ParameterStore(manager, false), ModelInput.of(BATCH, step).toList(), false);
            return out.get(0).toFloatArray();
        }
    }

    @Test
    void saveThenLoad_givesIdenticalLogits() throws Exception {
        Path vocab = dir.resolve("vocab.txt");
        Files.write(vocab, tinyVocab());
        Path checkpoint = dir.resolve("ckpt");
        TaskHead head = new TaskHead(TaskType.SEQUENCE_CLASSIFICATION, List.of("neg", "pos"));
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            BertModel model = BertModel.create(BertModelTest.TINY, head).initialize(manager);
            float[] before = logits(model, manager);
            Checkpoint.save(checkpoint, model, "bert-toy", SpecialTokens.BERT, vocab);

            Engine.getInstance().setRandomSeed(99);
            LoadedModel loaded = Checkpoint.load(checkpoint, manager, null);
            assertArrayEquals(before, logits(loaded.model(), manager));
            assertEquals(head, loaded.info().head());
            assertEquals("bert-toy", loaded.info().modelName());
            assertEquals(BertModelTest.TINY, loaded.info().config());
            assertEquals(SpecialTokens.BERT, loaded.info().specialTokens());
            assertTrue(loaded.report().fresh().isEmpty());
            assertTrue(Files.isRegularFile(Checkpoint.tokenizerFile(checkpoint)));
        }
    }

    @Test
    void loadWithAnotherHead_keepsEncoderAndStartsHeadFresh() {
        Path checkpoint = dir.resolve("mlm");
        try (NDManager manager = NDManager.newBaseManager()) {
            BertModel pretrained = BertModel.create(BertModelTest.TINY, TaskHead.maskedLm()).initialize(manager);
            Checkpoint.save(checkpoint, pretrained, "bert-toy", SpecialTokens.BERT, null);
            TaskHead tagger = new TaskHead(TaskType.TOKEN_CLASSIFICATION, List.of("O", "B-X", "I-X"));
            LoadedModel loaded = Checkpoint.load(checkpoint, manager, tagger);
            assertEquals(List.of("classifier.weight", "classifier.bias"), loaded.report().fresh());
            assertTrue(loaded.report().unused().contains("cls.predictions.bias"));
            assertArrayEquals(
                    pretrained.namedParameters().get("bert.encoder.layer.1.output.dense.weight").getArray().toFloatArray(),
                    loaded.model().namedParameters().get("bert.encoder.layer.1.output.dense.weight").getArray().toFloatArray());
        }
    }

    @Test
    void loadIntoAnotherShape_failsNamingTensorAndShapes() {
        Path checkpoint = dir.resolve("small");
        try (NDManager manager = NDManager.newBaseManager()) {
            BertModel model = BertModel.create(BertModelTest.TINY, TaskHead.maskedLm()).initialize(manager);
            Checkpoint.save(checkpoint, model, "bert-toy", SpecialTokens.BERT, null);
            BertModel wider = BertModel.create(new BertConfig(200, 64, 2, 2, 64, 64, 2, 0.1f, 0.1f, 1e-12f, "gelu"),
                    TaskHead.maskedLm()).initialize(manager);
            CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class, () -> BertWeightImport
                    .loadSafetensors(wider, checkpoint.resolve(Checkpoint.WEIGHTS_FILE), ImportScope.ENCODER_AND_HEAD));
            assertTrue(e.getMessage().contains("bert.embeddings.word_embeddings.weight"), e.getMessage());
            assertTrue(e.getMessage().contains("(200, 32)"), e.getMessage());
        }
    }

    @Test
    void missingConfig_saysItIsNotACheckpoint() {
        ModelException e = assertThrows(ModelException.class, () -> Checkpoint.readInfo(dir));
        assertTrue(e.getMessage().contains("config.json"), e.getMessage());
    }

    static List<String> tinyVocab() {
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            tokens.add(switch (i) {
                case 0 -> "[PAD]";
                case 100 -> "[UNK]";
                case 101 -> "[CLS]";
                case 102 -> "[SEP]";
                case 103 -> "[MASK]";
                default -> i % 3 == 0 ? "##p" + i : "w" + i;
            });
        }
        return tokens;
    }
}
