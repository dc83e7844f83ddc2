package ftenergy.train.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.Initializer;
import ftenergy.data.Batch;
import ftenergy.data.Example;
import ftenergy.data.TaskType;
import ftenergy.model.BertConfig;
import ftenergy.model.BertModel;
import ftenergy.model.SpecialTokens;
import ftenergy.model.TaskHead;
import ftenergy.run.RunStatus;
import ftenergy.run.StepRecord;
import ftenergy.run.StopRule;
import ftenergy.train.MaskingPolicy;
import ftenergy.train.TrainingObserver;
import ftenergy.train.TrainingOutcome;
import ftenergy.train.SingleThreadTorch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SingleThreadTorch.class)
class OptimisationTest {

    private static Parameter parameter(NDManager manager, String name, float... values) {
        Parameter parameter = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(values.length)).optInitializer(Initializer.ZEROS).build();
        parameter.initialize(manager, DataType.FLOAT32);
        parameter.getArray().addi(manager.create(values));
        return parameter;
    }

    @Test
    void adamW_firstStepMovesByRateAgainstGradientAndDecaysOnlyWeights() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter weight = parameter(manager, "w", 1f, -2f);
            Parameter bias = parameter(manager, "b", 1f, -2f);
            Map<String, Parameter> named = new LinkedHashMap<>();
            named.put("layer.weight", weight);
            named.put("layer.bias", bias);
            AdamW adam = new AdamW(named, 0.5);
            try (NDManager step = manager.newSubManager()) {
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray gradient = step.create(new float[] {3f, -0.5f});
                    NDArray loss = weight.getArray().mul(gradient).sum().add(bias.getArray().mul(gradient).sum());
                    collector.backward(loss);
                }
                double norm = adam.step(0.1, 0, step);
                assertEquals(Math.sqrt(2 * (9 + 0.25)), norm, 1e-5);
            }
            // decayed weight: w (1 - 0.1 × 0.5) - 0.1 × sign(g); bias: w - 0.1 × sign(g)
            float[] w = weight.getArray().toFloatArray();
            assertEquals(1 * 0.95 - 0.1, w[0], 1e-5);
            assertEquals(-2 * 0.95 + 0.1, w[1], 1e-5);
            float[] b = bias.getArray().toFloatArray();
            assertEquals(1 - 0.1, b[0], 1e-5);
            assertEquals(-2 + 0.1, b[1], 1e-5);
            assertEquals(0f, weight.getArray().getGradient().abs().sum().getFloat());
        }
    }

    @Test
    void adamW_clipsToGlobalNorm() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter weight = parameter(manager, "w", 0f, 0f);
            Map<String, Parameter> named = Map.of("w.weight", weight);
            AdamW adam = new AdamW(named, 0);
            for (int i = 0; i < 2; i++) {
                try (NDManager step = manager.newSubManager()) {
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        collector.backward(weight.getArray().mul(step.create(new float[] {30f, 40f})).sum());
                    }
                    assertEquals(50.0, adam.step(0.1, 1.0, step), 1e-4);
                }
            }
            assertEquals(2, adam.updates());
        }
    }

    @Test
    void training_leavesNoArraysBehindBetweenSteps() {
        List<Example> examples = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < 32; i++) {
            int[] ids = {101, 30 + random.nextInt(50), 30 + random.nextInt(50), 30 + random.nextInt(50), 102};
            examples.add(new Example("t", "train", "e" + i, ids, new int[5], i % 2, new int[0], -1, -1));
        }
        try (NDManager root = NDManager.newBaseManager()) {
            BertModel model = BertModel.create(new BertConfig(200, 32, 2, 2, 64, 64, 2, 0.1f, 0.1f, 1e-12f, "gelu"),
                    new TaskHead(TaskType.SEQUENCE_CLASSIFICATION, List.of("a", "b"))).initialize(root);
            List<Integer> arrays = new ArrayList<>();
            TrainingObserver counter = new TrainingObserver() {
                @Override
                public double joulesSoFar() {
                    return Double.NaN;
                }

                @Override
                public void onStep(StepRecord step) {
                    arrays.add(root.getManagedArrays().size());
                }
            };
            TrainingLoop loop = new TrainingLoop(new ReplicaStore(root, List.of(root.getDevice())),
                    new SequenceClassificationTask(model), new AdamW(model.trainableParameters(), 0.01),
                    new TrainingLedger(counter, "accuracy"));
            List<Batch> batches = List.of(Batch.of(examples.subList(0, 16)), Batch.of(examples.subList(16, 32)));
            loop.run(epoch -> batches, new TrainingLoop.Plan(5, LinearSchedule.of(1e-3, 0, 5), 1.0, 2, null), batches);
            assertEquals(5, arrays.size());
            assertEquals(List.of(arrays.get(1), arrays.get(1), arrays.get(1), arrays.get(1)), arrays.subList(1, 5));
        }
    }

    @Test
    void stopRule_endsTrainingAtTheFirstEvaluationThatMeetsIt() {
        TrainingOutcome met = trainTiny(new StopRule("accuracy", 0.0));
        assertEquals(2, met.steps(), "stops at the first evaluation, every 2 steps");
        assertEquals(1, met.evals().size(), "the stopping evaluation is the last one");
        assertTrue(met.stopReason().startsWith("accuracy>=0.0 reached at step 2 of 6 (accuracy = "), met.stopReason());

        TrainingOutcome missed = trainTiny(new StopRule("accuracy", 1.5));
        assertEquals(6, missed.steps());
        assertEquals(null, missed.stopReason());
        assertEquals(3, missed.evals().size(), "steps 2 and 4, then the final one");
    }

    private static TrainingOutcome trainTiny(StopRule rule) {
        List<Example> examples = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < 16; i++) {
            int[] ids = {101, 30 + random.nextInt(50), 30 + random.nextInt(50), 102};
            examples.add(new Example("t", "train", "e" + i, ids, new int[4], i % 2, new int[0], -1, -1));
        }
        try (NDManager root = NDManager.newBaseManager()) {
            BertModel model = BertModel.create(new BertConfig(200, 32, 1, 2, 64, 64, 2, 0.1f, 0.1f, 1e-12f, "gelu"),
                    new TaskHead(TaskType.SEQUENCE_CLASSIFICATION, List.of("a", "b"))).initialize(root);
            TrainingLedger ledger = new TrainingLedger(TrainingObserver.NONE, "accuracy");
            TrainingLoop loop = new TrainingLoop(new ReplicaStore(root, List.of(root.getDevice())),
                    new SequenceClassificationTask(model), new AdamW(model.trainableParameters(), 0.01), ledger);
            List<Batch> batches = List.of(Batch.of(examples.subList(0, 8)), Batch.of(examples.subList(8, 16)));
            loop.run(epoch -> batches, new TrainingLoop.Plan(6, LinearSchedule.of(1e-3, 0, 6), 1.0, 2, rule), batches);
            return ledger.outcome(RunStatus.SUCCEEDED, null);
        }
    }

    @Test
    void dataParallelSlices_coverTheBatchInOrderAtItsPaddedLength() {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            examples.add(new Example("t", "train", "e" + i, new int[2 + i], new int[2 + i], 0, new int[0], -1, -1));
        }
        Batch batch = Batch.of(examples);
        List<Batch> slices = TrainingLoop.slices(batch, 2);
        assertEquals(List.of(3, 2), slices.stream().map(Batch::size).toList());
        assertEquals(List.of(6, 6), slices.stream().map(Batch::seqLen).toList());
        assertEquals(examples, slices.stream().flatMap(s -> s.examples().stream()).toList());
        assertEquals(List.of(batch), TrainingLoop.slices(batch, 1));
        assertEquals(5, TrainingLoop.slices(batch, 8).size());
    }

    @Test
    void masking_selectsFifteenPercentOfOrdinaryTokensSplit80_10_10() {
        List<Example> examples = new ArrayList<>();
        Random data = new Random(2);
        for (int i = 0; i < 400; i++) {
            int[] ids = new int[52];
            ids[0] = 101;
            for (int k = 1; k < 51; k++) {
                ids[k] = 1 + data.nextInt(99);
            }
            ids[51] = 102;
            examples.add(new Example("t", "train", "e" + i, ids, new int[52], -1, new int[0], -1, -1));
        }
        Batch batch = Batch.of(examples);
        MlmMasker.Masked masked = new MlmMasker(MaskingPolicy.BERT, SpecialTokens.BERT, 200, new Random(3)).mask(batch);
        long[] original = batch.inputIds();
        int maskTokens = 0;
        int unchanged = 0;
        for (int i = 0; i < masked.positions().length; i++) {
            int flat = (int) masked.positions()[i];
            assertTrue(i == 0 || masked.positions()[i - 1] < flat);
            assertEquals(original[flat], masked.labels()[i]);
            assertNotEquals(0, flat % 52, "masked [CLS]");
            assertNotEquals(51, flat % 52, "masked [SEP]");
            maskTokens += masked.inputIds()[flat] == 103 ? 1 : 0;
            unchanged += masked.inputIds()[flat] == original[flat] ? 1 : 0;
        }
        double selected = masked.positions().length / (400.0 * 50);
        assertEquals(0.15, selected, 0.01);
        assertEquals(0.8, maskTokens / (double) masked.positions().length, 0.02);
        // kept (10 %) plus random replacements that drew the same token (10 % × 1/200)
        assertEquals(0.1, unchanged / (double) masked.positions().length, 0.02);
        for (int flat = 0; flat < original.length; flat++) {
            if (java.util.Arrays.binarySearch(masked.positions(), flat) < 0) {
                assertEquals(original[flat], masked.inputIds()[flat]);
            }
        }
    }

    @Test
    void student_hasHalfTheLayersCopiedFromEveryOtherTeacherLayer() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BertConfig four = new BertConfig(200, 32, 4, 2, 64, 64, 2, 0.1f, 0.1f, 1e-12f, "gelu");
            BertModel teacher = BertModel.create(four, TaskHead.maskedLm()).initialize(manager);
            BertModel student = DistillationTask.initialiseStudent(teacher, 2, manager);
            assertEquals(2, student.config().numHiddenLayers());
            Map<String, Parameter> t = teacher.namedParameters();
            Map<String, Parameter> s = student.namedParameters();
            assertEquals(t.size() - 2 * 16, s.size());
            for (String name : s.keySet()) {
                String from = name.replace("layer.1.", "layer.2.");
                assertEquals(List.of(toList(t.get(from))), List.of(toList(s.get(name))), name);
            }
            assertNotEquals(List.of(toList(t.get("bert.encoder.layer.1.output.dense.weight"))),
                    List.of(toList(s.get("bert.encoder.layer.1.output.dense.weight"))));
        }
    }

    private static List<Float> toList(Parameter parameter) {
        List<Float> values = new ArrayList<>();
        for (float v : parameter.getArray().toFloatArray()) {
            values.add(v);
        }
        return values;
    }
}
