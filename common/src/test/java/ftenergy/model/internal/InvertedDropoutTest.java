package ftenergy.model.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InvertedDropoutTest {

    @Test
    void inference_returnsTheInputItself() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.ones(new Shape(4, 4));
            assertSame(x, InvertedDropout.apply(x, 0.1f, false));
            assertSame(x, InvertedDropout.apply(x, 0f, true));
        }
    }

    @Test
    void training_zeroesTheRateAndScalesTheRest() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] out = InvertedDropout.apply(manager.ones(new Shape(1000, 1000)), 0.1f, true).toFloatArray();
            long zeros = 0;
            for (float value : out) {
                if (value == 0f) {
                    zeros++;
                } else {
                    assertEquals(1f / 0.9f, value, 0f);
                }
            }
            // 10 standard deviations of a binomial(10^6, 0.1): 3,000.
            assertEquals(100_000, zeros, 3_000);
        }
    }

    @Test
    void sameEngineSeed_sameMask_andEachCallANewMask() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.ones(new Shape(300, 700));
            Engine.getInstance().setRandomSeed(11);
            float[] first = InvertedDropout.apply(x, 0.5f, true).toFloatArray();
            float[] second = InvertedDropout.apply(x, 0.5f, true).toFloatArray();
            Engine.getInstance().setRandomSeed(11);
            float[] again = InvertedDropout.apply(x, 0.5f, true).toFloatArray();
            assertArrayEquals(first, again);
            assertFalse(Arrays.equals(first, second));
        }
    }

    @Test
    void mask_dependsOnlyOnTheSeed_andChunksDoNotChangeItsStart() {
        assertArrayEquals(InvertedDropout.mask(5, 1_000_003, 0.1f), InvertedDropout.mask(5, 1_000_003, 0.1f));
        float[] small = InvertedDropout.mask(5, 10, 0.1f);
        assertArrayEquals(Arrays.copyOf(InvertedDropout.mask(5, 1_000_003, 0.1f), 10), small);
    }

    @Test
    void gradient_isTheMask() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.ones(new Shape(50, 40));
            x.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                y = InvertedDropout.apply(x, 0.25f, true);
                collector.backward(y.sum());
            }
            assertArrayEquals(y.toFloatArray(), x.getGradient().toFloatArray());
            assertTrue(Arrays.stream(boxed(y.toFloatArray())).anyMatch(v -> v == 0f));
        }
    }

    private static Float[] boxed(float[] values) {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
