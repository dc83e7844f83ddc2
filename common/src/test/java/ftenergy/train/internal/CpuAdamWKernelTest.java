package ftenergy.train.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.Initializer;
import ftenergy.train.SingleThreadTorch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SingleThreadTorch.class)
class CpuAdamWKernelTest {

    private static Parameter parameter(NDManager manager, float... values) {
        Parameter parameter = Parameter.builder().setName("p").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(values.length)).optInitializer(Initializer.ZEROS).build();
        parameter.initialize(manager, DataType.FLOAT32);
        parameter.getArray().addi(manager.create(values));
        return parameter;
    }

    /** PyTorch's AdamW with clip_grad_norm_, in double precision, over the same gradients. */
    private static double[][] reference(double[][] start, double[][][] gradients, double rate, double decay,
            double maxNorm, boolean[] decays) {
        double[][] w = new double[start.length][];
        double[][] m = new double[start.length][];
        double[][] v = new double[start.length][];
        for (int p = 0; p < start.length; p++) {
            w[p] = start[p].clone();
            m[p] = new double[start[p].length];
            v[p] = new double[start[p].length];
        }
        for (int t = 1; t <= gradients.length; t++) {
            double squares = 0;
            for (double[] g : gradients[t - 1]) {
                for (double x : g) {
                    squares += x * x;
                }
            }
            double norm = Math.sqrt(squares);
            double clip = norm > maxNorm ? maxNorm / (norm + 1e-6) : 1;
            for (int p = 0; p < start.length; p++) {
                for (int k = 0; k < w[p].length; k++) {
                    double g = gradients[t - 1][p][k] * clip;
                    if (decays[p]) {
                        w[p][k] *= 1 - rate * decay;
                    }
                    m[p][k] = 0.9 * m[p][k] + 0.1 * g;
                    v[p][k] = 0.999 * v[p][k] + 0.001 * g * g;
                    double mHat = m[p][k] / (1 - Math.pow(0.9, t));
                    double vHat = v[p][k] / (1 - Math.pow(0.999, t));
                    w[p][k] -= rate * mHat / (Math.sqrt(vHat) + 1e-8);
                }
            }
        }
        return w;
    }

    @Test
    void threeClippedDecayedSteps_matchPyTorchsAdamW() {
        double[][] start = {{0.5, -1.0, 2.0}, {0.25, 0.75}};
        double[][][] gradients = {
            {{3, -0.5, 0.1}, {1, 2}}, {{-1, 0.25, 0.3}, {0.5, -2}}, {{0.2, 0.2, -4}, {0, 1}}};
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter weight = parameter(manager, 0.5f, -1f, 2f);
            Parameter bias = parameter(manager, 0.25f, 0.75f);
            Map<String, Parameter> named = new LinkedHashMap<>();
            named.put("dense.weight", weight);
            named.put("dense.bias", bias);
            AdamW adam = new AdamW(named, 0.1);
            assertNotNull(CpuAdamWKernel.forParameters(List.of(weight, bias)), "CPU float32 parameters use the kernel");
            for (double[][] step : gradients) {
                try (NDManager temporaries = manager.newSubManager()) {
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray loss = weight.getArray().mul(temporaries.create(floats(step[0]))).sum()
                                .add(bias.getArray().mul(temporaries.create(floats(step[1]))).sum());
                        collector.backward(loss);
                    }
                    adam.step(0.05, 2.0, temporaries);
                }
            }
            double[][] expected = reference(start, gradients, 0.05, 0.1, 2.0, new boolean[] {true, false});
            assertArrayEquals(floats(expected[0]), weight.getArray().toFloatArray(), 1e-6f);
            assertArrayEquals(floats(expected[1]), bias.getArray().toFloatArray(), 1e-6f);
            assertEquals(0f, weight.getArray().getGradient().abs().sum().getFloat());
        }
    }

    @Test
    void updatedWeights_areWhatTheNextForwardReads() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter weight = parameter(manager, 1f, 1f);
            AdamW adam = new AdamW(Map.of("w.weight", weight), 0);
            float[] seen = null;
            for (int i = 0; i < 2; i++) {
                try (NDManager temporaries = manager.newSubManager()) {
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray out = weight.getArray().mul(2);
                        seen = out.toFloatArray();
                        collector.backward(out.sum());
                    }
                    adam.step(0.1, 0, temporaries);
                }
            }
            // Step 1 moved each weight by -0.1: the second forward saw 2 × 0.9.
            assertArrayEquals(new float[] {1.8f, 1.8f}, seen, 1e-6f);
            assertArrayEquals(new float[] {0.8f, 0.8f}, weight.getArray().toFloatArray(), 1e-6f);
        }
    }

    private static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
