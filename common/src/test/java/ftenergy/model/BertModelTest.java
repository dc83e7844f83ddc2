package ftenergy.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ftenergy.data.Batch;
import ftenergy.data.Example;
import ftenergy.data.TaskType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.extension.ExtendWith(ftenergy.train.SingleThreadTorch.class)
class BertModelTest {

    static final BertConfig TINY = new BertConfig(200, 32, 2, 2, 64, 64, 2, 0.1f, 0.1f, 1e-12f, "gelu");

    static Example example(String id, int... ids) {
        int[] types = new int[ids.length];
        for (int i = ids.length / 2; i < ids.length; i++) {
            types[i] = 1;
        }
        return new Example("t", "train", id, ids, types, 0, new int[0], -1, -1);
    }

    static final Example LONG = example("long", 101, 7, 8, 9, 10, 11, 12, 102, 13, 14, 102);
    static final Example SHORT = example("short", 101, 20, 21, 102, 22, 102);

    @Test
    void namedParameters_areHuggingFaceNamesWithPyTorchShapes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, ai.djl.nn.Parameter> named = BertModel.create(TINY, TaskHead.maskedLm())
                    .initialize(manager).namedParameters();
            assertEquals(5 + 2 * 16 + 2 + 5, named.size());
            assertEquals(new Shape(200, 32), named.get("bert.embeddings.word_embeddings.weight").getArray().getShape());
            assertEquals(new Shape(64, 32), named.get("bert.encoder.layer.1.intermediate.dense.weight").getArray().getShape());
            assertEquals(new Shape(32, 64), named.get("bert.encoder.layer.0.output.dense.weight").getArray().getShape());
            assertEquals(new Shape(32), named.get("bert.encoder.layer.1.attention.output.LayerNorm.bias").getArray().getShape());
            assertEquals(new Shape(200), named.get("cls.predictions.bias").getArray().getShape());
            assertTrue(named.containsKey("cls.predictions.transform.LayerNorm.weight"));
            assertTrue(named.containsKey("bert.pooler.dense.weight"));
        }
    }

    @Test
    void parameterCount_matchesBertTinyFormula() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BertConfig tiny = BertConfig.of(new ftenergy.run.ModelSpec("bert-tiny", 2, 128, 2, 512, "scratch"), 30522);
            BertModel model = BertModel.create(tiny, new TaskHead(TaskType.SEQUENCE_CLASSIFICATION, List.of("a", "b")))
                    .initialize(manager);
            long h = 128;
            long embeddings = (30522 + 512 + 2) * h + 2 * h;
            long layer = 4 * (h * h + h) + 2 * h + (512 * h + 512) + (h * 512 + h) + 2 * h;
            long expected = embeddings + 2 * layer + (h * h + h) + (2 * h + 2);
            assertEquals(expected, model.parameterCount());
        }
    }

    @Test
    void everyHead_hasItsShape() {
        Batch batch = Batch.of(List.of(LONG, SHORT));
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterStore store = new ParameterStore(manager, false);
            for (TaskType type : TaskType.values()) {
                BertModel model = BertModel.create(TINY, headFor(type)).initialize(manager);
                try (NDManager step = manager.newSubManager()) {
                    NDList out = model.forward(store, ModelInput.of(batch, step).toList(), false);
                    Shape expected = switch (type) {
                        case SEQUENCE_CLASSIFICATION -> new Shape(2, 3);
                        case TOKEN_CLASSIFICATION -> new Shape(2, 11, 3);
                        case SPAN_QA -> new Shape(2, 11);
                        case MASKED_LM -> new Shape(2, 11, 200);
                    };
                    assertEquals(expected, out.get(0).getShape(), type.name());
                    assertEquals(type == TaskType.SPAN_QA ? 2 : 1, out.size());
                }
            }
        }
    }

    static TaskHead headFor(TaskType type) {
        return type == TaskType.SEQUENCE_CLASSIFICATION || type == TaskType.TOKEN_CLASSIFICATION
                ? new TaskHead(type, List.of("a", "b", "c"))
                : new TaskHead(type, List.of());
    }

    @Test
    void padding_changesNoRealOutput() {
        Engine.getInstance().setRandomSeed(3);
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterStore store = new ParameterStore(manager, false);
            for (TaskType type : TaskType.values()) {
                BertModel model = BertModel.create(TINY, headFor(type)).initialize(manager);
                try (NDManager step = manager.newSubManager()) {
                    NDList alone = model.forward(store, ModelInput.of(new Batch(List.of(SHORT), 6), step).toList(), false);
                    NDList padded = model.forward(store, ModelInput.of(new Batch(List.of(SHORT), 19), step).toList(), false);
                    NDList together = model.forward(store, ModelInput.of(Batch.of(List.of(LONG, SHORT)), step).toList(), false);
                    for (int out = 0; out < alone.size(); out++) {
                        float[] expected = realPart(alone.get(out), 0, type).toFloatArray();
                        assertClose(expected, realPart(padded.get(out), 0, type).toFloatArray(), type + " extra padding");
                        assertClose(expected, realPart(together.get(out), 1, type).toFloatArray(), type + " batched");
                    }
                }
            }
        }
    }

    private static NDArray realPart(NDArray output, int row, TaskType type) {
        return type == TaskType.SEQUENCE_CLASSIFICATION
                ? output.get(row)
                : output.get(new NDIndex("{}, 0:{}", row, SHORT.length()));
    }

    static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5, what + " at " + i);
        }
    }

    @Test
    void dropout_onlyWhenTraining() {
        Batch batch = Batch.of(List.of(LONG));
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterStore store = new ParameterStore(manager, false);
            BertModel model = BertModel.create(TINY, TaskHead.maskedLm()).initialize(manager);
            try (NDManager step = manager.newSubManager()) {
                float[] eval1 = model.encode(store, ModelInput.of(batch, step), false).toFloatArray();
                float[] eval2 = model.encode(store, ModelInput.of(batch, step), false).toFloatArray();
                float[] train = model.encode(store, ModelInput.of(batch, step), true).toFloatArray();
                assertArrayEquals(eval1, eval2);
                assertTrue(!java.util.Arrays.equals(eval1, train));
            }
        }
    }

    @Test
    void forward_leavesNoArrayInTheModelManager() {
        Batch batch = Batch.of(List.of(LONG, SHORT));
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterStore store = new ParameterStore(manager, false);
            for (TaskType type : TaskType.values()) {
                BertModel model = BertModel.create(TINY, headFor(type)).initialize(manager);
                int before = manager.getManagedArrays().size();
                try (NDManager step = manager.newSubManager()) {
                    model.forward(store, ModelInput.of(batch, step).toList(), true);
                }
                assertEquals(before, manager.getManagedArrays().size(), type.name());
            }
        }
    }
}
