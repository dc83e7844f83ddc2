package ftenergy.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ftenergy.data.Batch;
import ftenergy.data.Example;
import ftenergy.data.TaskType;
import ftenergy.model.BertConfig;
import ftenergy.model.BertModel;
import ftenergy.model.ModelException;
import ftenergy.model.ModelInput;
import ftenergy.model.SpecialTokens;
import ftenergy.model.TaskHead;
import ftenergy.train.SingleThreadTorch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** HuggingFace BERT and DistilBERT directories, as transformers saves them, read as checkpoints. */
@ExtendWith(SingleThreadTorch.class)
class HuggingFaceDirectoryTest {

    private static final TaskHead TAGGER = new TaskHead(TaskType.TOKEN_CLASSIFICATION, List.of("O", "B-X", "I-X"));
    private static final TaskHead CLASSIFIER = new TaskHead(TaskType.SEQUENCE_CLASSIFICATION, List.of("neg", "pos"));

    @TempDir
    Path dir;

    @Test
    void bertDirectory_everyTensorComesFromTheFile() throws Exception {
        Path bert = dir.resolve("bert");
        Map<String, float[]> file = HuggingFaceDirs.bert(bert, 1);

        CheckpointInfo info = Checkpoint.readInfo(bert);
        assertEquals(new BertConfig(200, 16, 2, 2, 32, 64, 2, 0.1f, 0.1f, 1e-12f, "gelu"), info.config());
        assertEquals(TaskHead.maskedLm(), info.head());
        assertEquals(SpecialTokens.BERT, info.specialTokens(), "read from vocab.txt");
        assertEquals("vocab.txt", info.tokenizerFileName());
        try (NDManager manager = NDManager.newBaseManager()) {
            LoadedModel loaded = Checkpoint.load(bert, manager, null);
            Map<String, ai.djl.nn.Parameter> ours = loaded.model().namedParameters();
            assertArrayEquals(file.get("bert.encoder.layer.1.attention.self.query.weight"),
                    ours.get("bert.encoder.layer.1.attention.self.query.weight").getArray().toFloatArray());
            assertArrayEquals(file.get("cls.predictions.bias"), ours.get("cls.predictions.bias").getArray().toFloatArray());
            // BertForMaskedLM has no pooler; ours stays fresh (only sequence classification reads it).
            assertEquals(List.of("bert.pooler.dense.weight", "bert.pooler.dense.bias"), loaded.report().fresh());
            assertEquals(file.size(), loaded.report().loaded().size());
        }
    }

    @Test
    void distilBertDirectory_itsOwnNamesMapOntoTheEncoder_withoutTokenTypesOrPooler() throws Exception {
        Path distil = dir.resolve("distilbert");
        Map<String, float[]> file = HuggingFaceDirs.distilBert(distil, 2);

        CheckpointInfo info = Checkpoint.readInfo(distil);
        assertTrue(info.config().isDistilBert());
        assertEquals("DistilBERT L2/H16/A2/I32/V200", info.config().describe());
        assertEquals(0, info.config().typeVocabSize());
        assertEquals(TaskHead.maskedLm(), info.head());
        try (NDManager manager = NDManager.newBaseManager()) {
            LoadedModel loaded = Checkpoint.load(distil, manager, null);
            Map<String, ai.djl.nn.Parameter> ours = loaded.model().namedParameters();
            assertArrayEquals(file.get("distilbert.transformer.layer.1.attention.q_lin.weight"),
                    ours.get("bert.encoder.layer.1.attention.self.query.weight").getArray().toFloatArray());
            assertArrayEquals(file.get("distilbert.transformer.layer.0.attention.out_lin.bias"),
                    ours.get("bert.encoder.layer.0.attention.output.dense.bias").getArray().toFloatArray());
            assertArrayEquals(file.get("distilbert.transformer.layer.0.sa_layer_norm.weight"),
                    ours.get("bert.encoder.layer.0.attention.output.LayerNorm.weight").getArray().toFloatArray());
            assertArrayEquals(file.get("distilbert.transformer.layer.1.ffn.lin1.weight"),
                    ours.get("bert.encoder.layer.1.intermediate.dense.weight").getArray().toFloatArray());
            assertArrayEquals(file.get("distilbert.transformer.layer.1.output_layer_norm.bias"),
                    ours.get("bert.encoder.layer.1.output.LayerNorm.bias").getArray().toFloatArray());
            assertArrayEquals(file.get("vocab_transform.weight"),
                    ours.get("cls.predictions.transform.dense.weight").getArray().toFloatArray());
            assertArrayEquals(file.get("vocab_projector.bias"), ours.get("cls.predictions.bias").getArray().toFloatArray());
            assertEquals(List.of(), loaded.report().fresh());
            assertEquals(List.of(), loaded.report().unused());
            // DistilBertForMaskedLM's parameters exactly: the file's tensors (the projector weight is the word table).
            long fileParameters = file.values().stream().mapToLong(values -> values.length).sum();
            assertEquals(fileParameters, loaded.model().parameterCount());
        }
    }

    @Test
    void distilBert_ignoresTypeIds_bertDoesNot() throws Exception {
        HuggingFaceDirs.distilBert(dir.resolve("distilbert"), 3);
        HuggingFaceDirs.bert(dir.resolve("bert"), 3);
        Example zeros = example(new int[] {0, 0, 0, 0, 0, 0});
        Example ones = example(new int[] {0, 0, 0, 1, 1, 1});
        try (NDManager manager = NDManager.newBaseManager()) {
            BertModel distil = Checkpoint.load(dir.resolve("distilbert"), manager, TAGGER).model();
            assertArrayEquals(hidden(distil, zeros, manager), hidden(distil, ones, manager), 0f);
            BertModel bert = Checkpoint.load(dir.resolve("bert"), manager, TAGGER).model();
            assertFalse(java.util.Arrays.equals(hidden(bert, zeros, manager), hidden(bert, ones, manager)));
        }
    }

    @Test
    void distilBertFineTuned_isSavedUnderDistilBertsNamesAndKeys_andReadsBack() throws Exception {
        HuggingFaceDirs.distilBert(dir.resolve("distilbert"), 4);
        Path saved = dir.resolve("classifier");
        try (NDManager manager = NDManager.newBaseManager()) {
            LoadedModel start = Checkpoint.load(dir.resolve("distilbert"), manager, CLASSIFIER);
            assertEquals(List.of("bert.pooler.dense.weight", "bert.pooler.dense.bias", "classifier.weight",
                    "classifier.bias"), start.report().fresh(), "pre_classifier and classifier start fresh");
            Checkpoint.save(saved, start.model(), "distilbert-toy", start.info().specialTokens(),
                    dir.resolve("distilbert").resolve("vocab.txt"));

            JsonNode config = new ObjectMapper().readTree(saved.resolve(Checkpoint.CONFIG_FILE).toFile());
            assertEquals("distilbert", config.path("model_type").asText());
            assertEquals("DistilBertForSequenceClassification", config.path("architectures").get(0).asText());
            assertEquals(16, config.path("dim").asInt());
            assertEquals("pos", config.path("id2label").path("1").asText());
            List<String> tensors = HuggingFaceDirs.tensorNames(saved.resolve(Checkpoint.WEIGHTS_FILE));
            assertTrue(tensors.contains("distilbert.transformer.layer.1.attention.v_lin.weight"), tensors.toString());
            assertTrue(tensors.contains("pre_classifier.weight"));
            assertTrue(tensors.stream().noneMatch(name -> name.startsWith("bert.") || name.contains("token_type")));

            Example x = example(new int[6]);
            LoadedModel back = Checkpoint.load(saved, manager, null);
            assertEquals(CLASSIFIER, back.info().head());
            assertEquals(List.of(), back.report().fresh());
            assertArrayEquals(logits(start.model(), x, manager), logits(back.model(), x, manager), 0f);
        }
    }

    @Test
    void pytorchBinOnly_isRefusedWithHowToMakeSafetensors() throws Exception {
        Path legacy = dir.resolve("legacy");
        HuggingFaceDirs.bert(legacy, 5);
        Files.move(legacy.resolve("model.safetensors"), legacy.resolve("pytorch_model.bin"));

        ModelException e = assertThrows(ModelException.class, () -> {
            try (NDManager manager = NDManager.newBaseManager()) {
                Checkpoint.load(legacy, manager, null);
            }
        });
        assertTrue(e.getMessage().contains("pytorch_model.bin but no model.safetensors"), e.getMessage());
        assertTrue(e.getMessage().contains("save_pretrained(d, safe_serialization=True)"), e.getMessage());
        assertTrue(e.getMessage().contains(legacy.toAbsolutePath().toString()), e.getMessage());
    }

    @Test
    void unsupportedDistilBertOptions_areRefusedByKey() throws Exception {
        Path distil = dir.resolve("sinusoidal");
        HuggingFaceDirs.distilBert(distil, 6);
        Path config = distil.resolve(Checkpoint.CONFIG_FILE);
        Files.writeString(config, Files.readString(config).replace("\"sinusoidal_pos_embds\" : false",
                "\"sinusoidal_pos_embds\" : true"));

        ModelException e = assertThrows(ModelException.class, () -> Checkpoint.readInfo(distil));
        assertTrue(e.getMessage().contains("sinusoidal_pos_embds") && e.getMessage().contains("config.json"), e.getMessage());
    }

    private static Example example(int[] typeIds) {
        return new Example("t", "validation", "x", new int[] {101, 7, 8, 102, 9, 102}, typeIds, 0, new int[0], -1, -1);
    }

    private static float[] hidden(BertModel model, Example example, NDManager manager) {
        try (NDManager step = manager.newSubManager()) {
            return model.encode(new ParameterStore(step, false), ModelInput.of(Batch.of(List.of(example)), step), false)
                    .toFloatArray();
        }
    }

    private static float[] logits(BertModel model, Example example, NDManager manager) {
        try (NDManager step = manager.newSubManager()) {
            NDList out = model.forward(new ParameterStore(step, false),
                    ModelInput.of(Batch.of(List.of(example)), step).toList(), false);
            return out.get(0).toFloatArray();
        }
    }
}
