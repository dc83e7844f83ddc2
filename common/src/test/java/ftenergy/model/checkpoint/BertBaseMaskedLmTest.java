package ftenergy.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import ftenergy.data.Batch;
import ftenergy.data.Example;
import ftenergy.model.BertConfig;
import ftenergy.model.BertModel;
import ftenergy.model.LoadReport;
import ftenergy.model.ModelInput;
import ftenergy.model.TaskHead;
import ftenergy.text.Encoded;
import ftenergy.text.TextTokenizer;
import ftenergy.text.TokenizerFile;
import ftenergy.text.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Google's real bert-base-uncased, imported from its TF1 checkpoint, fills in masked words. Runs
 * only where the {@code bert-base} Maven profile has fetched the checkpoint
 * ({@code mvn -Pbert-base -pl common generate-test-resources}); elsewhere it is skipped.
 */
class BertBaseMaskedLmTest {

    private static final Path DIR = Path.of(System.getProperty("bertBase.dir",
            Path.of(System.getProperty("user.home"), ".cache", "ftenergy", "models", "bert-base-uncased").toString()));

    @TempDir
    Path scratch;

    @Test
    void bertBase_predictsMaskedWordsOfRealSentences() throws IOException {
        Path prefix = DIR.resolve("variables/variables");
        assumeTrue(Files.isRegularFile(Path.of(prefix + ".index")),
                "bert-base-uncased not fetched into " + DIR + " (mvn -Pbert-base -pl common generate-test-resources)");
        Map<String, TensorData> tensors = TensorBundleReader.read(prefix);
        BertConfig config = BertWeightImport.inferConfig(tensors, prefix, 12);
        assertEquals(new BertConfig(30522, 768, 12, 12, 3072, 512, 2, 0.1f, 0.1f, 1e-12f, "gelu"), config);

        Path tokenizerJson = scratch.resolve("tokenizer.json");
        Vocabulary vocabulary = TokenizerFile.fromVocabTxt(DIR.resolve("assets/vocab.txt"), true, tokenizerJson);
        List<String> sentences = List.of(
                "The capital of France is [MASK].",
                "Paris is the [MASK] of France.",
                "The man worked as a [MASK].",
                "She poured a cup of [MASK] and drank it slowly.");
        List<String> expected = List.of("paris", "capital", "carpenter", "coffee");

        try (NDManager manager = NDManager.newBaseManager();
                TextTokenizer tokenizer = TextTokenizer.load(tokenizerJson, 128)) {
            BertModel model = BertModel.create(config, TaskHead.maskedLm()).initialize(manager);
            LoadReport report = BertWeightImport.load(model, tensors, prefix, ImportScope.ENCODER_AND_HEAD);
            assertEquals(tensors.size(), model.namedParameters().size(), "the TF Hub module holds exactly our tensors");
            assertEquals(tensors.size(), report.loaded().size());

            List<Example> examples = new ArrayList<>();
            List<Integer> maskAt = new ArrayList<>();
            int maskId = vocabulary.id("[MASK]");
            for (String sentence : sentences) {
                Encoded encoded = tokenizer.encode(sentence);
                examples.add(new Example("mlm", "test", sentence, encoded.ids(), encoded.typeIds(), 0, new int[0], -1, -1));
                maskAt.add(indexOf(encoded.ids(), maskId));
            }
            List<String> predicted = new ArrayList<>();
            try (NDManager step = manager.newSubManager()) {
                NDArray logits = model.forward(new ParameterStore(step, false),
                        ModelInput.of(Batch.of(examples), step).toList(), false).singletonOrThrow();
                for (int i = 0; i < sentences.size(); i++) {
                    long best = logits.get(new NDIndex("{}, {}, :", i, maskAt.get(i))).argMax().getLong();
                    predicted.add(vocabulary.token((int) best));
                }
            }
            assertEquals(expected, predicted);
        }
    }

    private static int indexOf(int[] ids, int id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        throw new AssertionError("no [MASK] among " + java.util.Arrays.toString(ids));
    }
}
