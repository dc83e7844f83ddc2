package ftenergy.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ftenergy.data.Batch;
import ftenergy.data.Example;
import ftenergy.model.BertConfig;
import ftenergy.model.BertModel;
import ftenergy.model.checkpoint.Checkpoint;
import ftenergy.model.LoadReport;
import ftenergy.model.checkpoint.LoadedModel;
import ftenergy.model.ModelException;
import ftenergy.model.ModelInput;
import ftenergy.model.TaskHead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TF Hub BERT module becomes a checkpoint a sweep can start from, computing what the module computes. */
class TfHubImportTest {

    /** 128 hidden units: two heads by Google's one per 64. */
    private static final BertConfig SMALL = new BertConfig(50, 128, 1, 2, 64, 24, 2, 0.1f, 0.1f, 1e-12f, "gelu");

    @TempDir
    Path dir;

    private static float[] logits(BertModel model, NDManager manager) {
        Example example = new Example("t", "dev", "a", new int[] {2, 7, 4, 9, 3}, new int[5], 0, new int[0], -1, -1);
        try (NDManager step = manager.newSubManager()) {
            return model.forward(new ParameterStore(step, false), ModelInput.of(Batch.of(List.of(example)), step).toList(), false)
                    .singletonOrThrow().toFloatArray();
        }
    }

    @Test
    void module_becomesACheckpointWithItsShapeVocabularyAndOutputs() throws Exception {
        Path module = dir.resolve("bert-module");
        Files.createDirectories(module.resolve("variables"));
        Files.createDirectories(module.resolve("assets"));
        List<String> vocab = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        for (int i = vocab.size(); i < SMALL.vocabSize(); i++) {
            vocab.add("w" + i);
        }
        Files.write(module.resolve("assets/vocab.txt"), vocab);
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            BertModel original = BertModel.create(SMALL, TaskHead.maskedLm()).initialize(manager);
            TensorBundleWriter.write(module.resolve("variables/variables"), BertWeightImportTest.googleCheckpoint(original));

            Path out = dir.resolve("imported");
            LoadReport report = TfHubImport.convert(module, out, "bert-test");

            assertEquals(List.of(), report.fresh());
            LoadedModel loaded = Checkpoint.load(out, manager, null);
            assertEquals(SMALL, loaded.info().config(), "shape inferred, heads = hidden / 64");
            assertEquals(TaskHead.maskedLm(), loaded.info().head());
            assertEquals(out.resolve("vocab.txt"), Checkpoint.tokenizerFile(out));
            assertArrayEquals(logits(original, manager), logits(loaded.model(), manager), 1e-5f);
        }
    }

    @Test
    void directoryWithoutAModule_isRefusedNamingWhatIsMissing() {
        ModelException error = assertThrows(ModelException.class, () -> TfHubImport.convert(dir, dir.resolve("out"), "x"));
        assertTrue(error.getMessage().contains("variables/variables.index and assets/vocab.txt"), error.getMessage());
    }
}
