package ftenergy.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ftenergy.data.Batch;
import ftenergy.data.Example;
import ftenergy.data.TaskType;
import ftenergy.model.BertConfig;
import ftenergy.model.BertModel;
import ftenergy.model.LoadReport;
import ftenergy.model.ModelInput;
import ftenergy.model.TaskHead;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BertWeightImportTest {

    static final BertConfig TINY = new BertConfig(50, 16, 2, 2, 32, 24, 2, 0.1f, 0.1f, 1e-12f, "gelu");
    static final TaskHead PAIRS = new TaskHead(TaskType.SEQUENCE_CLASSIFICATION, List.of("no", "yes"));

    @TempDir
    Path dir;
    NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    BertModel model(BertConfig config, TaskHead head, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        return BertModel.create(config, head).initialize(manager);
    }

    /** The model's parameters under Google's TF1 names in a TF Hub module, kernels stored (in, out), plus bookkeeping. */
    static Map<String, TensorData> googleCheckpoint(BertModel model) {
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> entry : model.namedParameters().entrySet()) {
            CheckpointNaming.SourceName google = CheckpointNaming.googleName(entry.getKey());
            String name = (entry.getKey().startsWith("bert.") ? "module/bert/" : "module/") + google.name();
            float[] values = entry.getValue().getArray().toFloatArray();
            Shape shape = entry.getValue().getArray().getShape();
            if (google.transposed()) {
                values = transpose(values, (int) shape.get(0), (int) shape.get(1));
                shape = new Shape(shape.get(1), shape.get(0));
            }
            tensors.put(name, TensorData.ofFloats(name, shape, values));
        }
        tensors.put("global_step", new TensorData(Path.of("mem"), "global_step", new Shape(), DataType.INT64,
                ByteBuffer.allocate(8), OptionalInt.empty()));
        String nsp = "module/cls/seq_relationship/output_weights";
        tensors.put(nsp, TensorData.ofFloats(nsp, new Shape(2, 16), new float[32]));
        return tensors;
    }

    /** The model's parameters under HuggingFace names, with the tied decoder copy and position ids HF stores. */
    static Map<String, TensorData> huggingFaceCheckpoint(BertModel model) {
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> entry : model.namedParameters().entrySet()) {
            tensors.put(entry.getKey(), TensorData.ofFloats(entry.getKey(), entry.getValue().getArray().getShape(),
                    entry.getValue().getArray().toFloatArray()));
        }
        TensorData words = tensors.get("bert.embeddings.word_embeddings.weight");
        if (model.head().type() == TaskType.MASKED_LM) {
            tensors.put("cls.predictions.decoder.weight", TensorData.ofFloats("cls.predictions.decoder.weight",
                    words.shape(), words.toFloatArray()));
        }
        tensors.put("bert.embeddings.position_ids", new TensorData(Path.of("mem"), "bert.embeddings.position_ids",
                new Shape(1, 24), DataType.INT64, ByteBuffer.allocate(8 * 24), OptionalInt.empty()));
        return tensors;
    }

    static float[] transpose(float[] values, int rows, int columns) {
        float[] out = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                out[c * rows + r] = values[r * columns + c];
            }
        }
        return out;
    }

    float[] logits(BertModel model) {
        Example a = new Example("t", "dev", "a", new int[] {2, 7, 8, 9, 3, 10, 11, 3}, new int[] {0, 0, 0, 0, 0, 1, 1, 1},
                0, new int[0], -1, -1);
        Example b = new Example("t", "dev", "b", new int[] {2, 12, 3}, new int[3], 0, new int[0], -1, -1);
        try (NDManager step = manager.newSubManager()) {
            ParameterStore store = new ParameterStore(step, false);
            return model.forward(store, ModelInput.of(Batch.of(List.of(a, b)), step).toList(), false)
                    .singletonOrThrow().toFloatArray();
        }
    }

    @Test
    void googleBundle_loadsEveryTensor_andReproducesTheModel() throws IOException {
        BertModel original = model(TINY, TaskHead.maskedLm(), 1);
        Path prefix = dir.resolve("variables");
        TensorBundleWriter.write(prefix, googleCheckpoint(original));
        BertModel copy = model(TINY, TaskHead.maskedLm(), 2);
        assertFalse(java.util.Arrays.equals(logits(original), logits(copy)), "different seeds start different");

        LoadReport report = BertWeightImport.loadTensorBundle(copy, prefix, ImportScope.ENCODER_AND_HEAD);

        assertEquals(copy.namedParameters().size(), report.loaded().size());
        assertEquals(List.of(), report.fresh());
        assertEquals(List.of("global_step", "module/cls/seq_relationship/output_weights"), report.unused());
        assertArrayEquals(logits(original), logits(copy), 1e-6f);
    }

    @Test
    void huggingFaceSafetensors_loadsEveryTensor_andReproducesTheModel() throws IOException {
        BertModel original = model(TINY, PAIRS, 3);
        Path file = dir.resolve("model.safetensors");
        try (NDManager writer = manager.newSubManager()) {
            NDList arrays = new NDList();
            for (TensorData tensor : huggingFaceCheckpoint(original).values()) {
                NDArray array = writer.create(tensor.bytes(), tensor.shape(), tensor.dataType());
                array.setName(tensor.name());
                arrays.add(array);
            }
            SafetensorsTest.writeWithDjl(file, arrays);
        }
        BertModel copy = model(TINY, PAIRS, 4);

        LoadReport report = BertWeightImport.loadSafetensors(copy, file, ImportScope.ENCODER_AND_HEAD);

        assertEquals(copy.namedParameters().size(), report.loaded().size());
        assertEquals(List.of("bert.embeddings.position_ids"), report.unused());
        assertArrayEquals(logits(original), logits(copy), 1e-6f);
    }

    @Test
    void encoderScope_leavesTheTaskHeadFresh_andSkipsTheCheckpointsHead() {
        BertModel pretrained = model(TINY, TaskHead.maskedLm(), 5);
        BertModel classifier = model(TINY, PAIRS, 6);
        float[] freshHead = classifier.namedParameters().get("classifier.weight").getArray().toFloatArray();

        LoadReport report = BertWeightImport.load(classifier, googleCheckpoint(pretrained), dir, ImportScope.ENCODER);

        assertEquals(List.of("classifier.weight", "classifier.bias"), report.fresh());
        assertTrue(report.unused().contains("module/cls/predictions/output_bias"), report.unused().toString());
        assertArrayEquals(freshHead, classifier.namedParameters().get("classifier.weight").getArray().toFloatArray());
        assertArrayEquals(pretrained.namedParameters().get("bert.encoder.layer.1.output.dense.weight").getArray()
                        .toFloatArray(),
                classifier.namedParameters().get("bert.encoder.layer.1.output.dense.weight").getArray().toFloatArray());
    }

    @Test
    void bareEncoderCheckpoint_withoutBertPrefix_loadsTheEncoder() {
        BertModel original = model(TINY, PAIRS, 7);
        Map<String, TensorData> bare = new LinkedHashMap<>();
        huggingFaceCheckpoint(original).forEach((name, tensor) -> {
            if (name.startsWith("bert.")) {
                bare.put(name.substring(5), tensor);
            }
        });
        BertModel copy = model(TINY, PAIRS, 8);

        LoadReport report = BertWeightImport.load(copy, bare, dir, ImportScope.ENCODER);

        assertEquals(copy.namedParameters().size() - 2, report.loaded().size());
        assertEquals(List.of("position_ids"), report.unused().stream().map(n -> n.replace("embeddings.", "")).toList());
    }

    @Test
    void checkpointWithFewerLayers_failsListingTheMissing_andLeavesTheModelUntouched() {
        Map<String, TensorData> twoLayers = googleCheckpoint(model(TINY, TaskHead.maskedLm(), 9));
        BertModel threeLayers = model(TINY.withLayers(3), TaskHead.maskedLm(), 10);
        float[] before = threeLayers.namedParameters().get("bert.embeddings.word_embeddings.weight").getArray()
                .toFloatArray();

        CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
                () -> BertWeightImport.load(threeLayers, twoLayers, dir, ImportScope.ENCODER_AND_HEAD));

        assertEquals(16, e.missing().size());
        assertTrue(e.missing().contains(
                "bert.encoder.layer.2.attention.self.query.weight (module/bert/encoder/layer_2/attention/self/query/kernel)"),
                e.missing().toString());
        assertEquals(List.of(), e.unexpected());
        assertTrue(e.getMessage().contains("does not fit model L3/H16/A2/I32/V50"), e.getMessage());
        assertArrayEquals(before, threeLayers.namedParameters().get("bert.embeddings.word_embeddings.weight")
                .getArray().toFloatArray());
    }

    @Test
    void checkpointWithMoreLayers_failsListingTheUnexpected() {
        Map<String, TensorData> threeLayers = huggingFaceCheckpoint(model(TINY.withLayers(3), PAIRS, 11));
        BertModel twoLayers = model(TINY, PAIRS, 12);

        CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
                () -> BertWeightImport.load(twoLayers, threeLayers, dir, ImportScope.ENCODER));

        assertEquals(16, e.unexpected().size());
        assertTrue(e.unexpected().stream().allMatch(n -> n.startsWith("bert.encoder.layer.2.")), e.unexpected().toString());
        assertEquals(List.of(), e.missing());
    }

    @Test
    void checkpointOfAnotherWidth_failsListingMisShapedTensorsWithBothShapes() {
        BertConfig wider = new BertConfig(50, 24, 2, 2, 32, 24, 2, 0.1f, 0.1f, 1e-12f, "gelu");
        Map<String, TensorData> wide = googleCheckpoint(model(wider, TaskHead.maskedLm(), 13));
        BertModel narrow = model(TINY, TaskHead.maskedLm(), 14);

        CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
                () -> BertWeightImport.load(narrow, wide, dir, ImportScope.ENCODER_AND_HEAD));

        assertTrue(e.misShaped().contains("module/bert/encoder/layer_0/attention/self/query/kernel: checkpoint (24, 24)"
                + " transposed vs model bert.encoder.layer.0.attention.self.query.weight (16, 16)"), e.misShaped().toString());
        assertTrue(e.misShaped().contains("module/bert/embeddings/word_embeddings: checkpoint (50, 24)"
                + " vs model bert.embeddings.word_embeddings.weight (50, 16)"), e.misShaped().toString());
    }

    @Test
    void headScope_withoutHeadTensors_failsNamingThem() {
        Map<String, TensorData> encoderOnly = new LinkedHashMap<>(googleCheckpoint(model(TINY, PAIRS, 15)));
        encoderOnly.keySet().removeIf(name -> name.startsWith("module/output_"));
        BertModel classifier = model(TINY, PAIRS, 16);

        CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
                () -> BertWeightImport.load(classifier, encoderOnly, dir, ImportScope.ENCODER_AND_HEAD));

        assertEquals(List.of("classifier.weight (module/output_weights)", "classifier.bias (module/output_bias)"),
                e.missing());
    }

    @Test
    void notABertCheckpoint_failsNamingTheFile() {
        Map<String, TensorData> other = Map.of("conv1/kernel", TensorData.ofFloats("conv1/kernel", new Shape(1), new float[1]));
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> BertWeightImport.load(model(TINY, PAIRS, 17), other, dir.resolve("resnet"), ImportScope.ENCODER));
        assertEquals(dir.resolve("resnet"), e.file());
        assertTrue(e.getMessage().contains("not a BERT checkpoint"), e.getMessage());
    }

    @Test
    void googleNames_followTheBertRepository() {
        assertEquals(new CheckpointNaming.SourceName("embeddings/word_embeddings", false),
                CheckpointNaming.googleName("bert.embeddings.word_embeddings.weight"));
        assertEquals(new CheckpointNaming.SourceName("embeddings/LayerNorm/gamma", false),
                CheckpointNaming.googleName("bert.embeddings.LayerNorm.weight"));
        assertEquals(new CheckpointNaming.SourceName("encoder/layer_11/attention/self/query/kernel", true),
                CheckpointNaming.googleName("bert.encoder.layer.11.attention.self.query.weight"));
        assertEquals(new CheckpointNaming.SourceName("encoder/layer_3/output/LayerNorm/beta", false),
                CheckpointNaming.googleName("bert.encoder.layer.3.output.LayerNorm.bias"));
        assertEquals(new CheckpointNaming.SourceName("encoder/layer_0/intermediate/dense/bias", false),
                CheckpointNaming.googleName("bert.encoder.layer.0.intermediate.dense.bias"));
        assertEquals(new CheckpointNaming.SourceName("pooler/dense/kernel", true),
                CheckpointNaming.googleName("bert.pooler.dense.weight"));
        assertEquals(new CheckpointNaming.SourceName("cls/predictions/transform/dense/kernel", true),
                CheckpointNaming.googleName("cls.predictions.transform.dense.weight"));
        assertEquals(new CheckpointNaming.SourceName("cls/predictions/output_bias", false),
                CheckpointNaming.googleName("cls.predictions.bias"));
        assertEquals(new CheckpointNaming.SourceName("cls/squad/output_weights", false),
                CheckpointNaming.googleName("qa_outputs.weight"));
    }

    @Test
    void inferConfig_readsTheEncoderShapeFromTheTensors() {
        BertConfig threeLayers = TINY.withLayers(3);
        assertEquals(threeLayers, BertWeightImport.inferConfig(googleCheckpoint(model(threeLayers, PAIRS, 18)), dir, 2));
        assertEquals(threeLayers,
                BertWeightImport.inferConfig(huggingFaceCheckpoint(model(threeLayers, PAIRS, 19)), dir, 2));
    }
}
