package ftenergy.model.internal;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import java.util.SplittableRandom;

/**
 * Dropout as BERT trains with it: in training, each element is kept with probability {@code 1 - rate}
 * and scaled by {@code 1 / (1 - rate)}, else zeroed; in inference, the identity.
 *
 * <p>On the CPU the keep mask is drawn in Java and multiplied in: libtorch's CPU dropout draws
 * its Bernoulli noise one element at a time (about 10 ns an element here; the masks of a BERT-mini
 * step hold 17 million), while a {@link SplittableRandom} gives four 16-bit draws per call (about
 * 4 ns an element, mask and multiply included). On a GPU, libtorch's own kernel is used.
 *
 * <p>Masks are reproducible: each call seeds its generator from the engine's random generator,
 * which {@code Engine.setRandomSeed} seeds. They are drawn on the calling thread (as libtorch's
 * are), in fixed chunks with streams of their own, so that drawing them in parallel later would
 * not change them.
 */
public final class InvertedDropout {

    /** Elements per independently seeded chunk. */
    private static final int CHUNK = 1 << 16;
    private static final int DRAW_BITS = 16;
    private static final int DRAW_MASK = (1 << DRAW_BITS) - 1;

    private InvertedDropout() {
    }

    /** {@code input} with dropout at {@code rate} when {@code training}; {@code input} itself otherwise. */
    public static NDArray apply(NDArray input, float rate, boolean training) {
        if (!training || rate == 0f) {
            return input;
        }
        if (!Device.Type.CPU.equals(input.getDevice().getDeviceType()) || input.getDataType() != DataType.FLOAT32) {
            return Dropout.dropout(input, rate, true).singletonOrThrow();
        }
        NDManager manager = input.getManager();
        long seed = manager.randomInteger(Long.MIN_VALUE, Long.MAX_VALUE, new Shape(1), DataType.INT64).getLong();
        float[] mask = mask(seed, Math.toIntExact(input.size()), rate);
        return input.mul(manager.create(mask, input.getShape()));
    }

    /** {@code size} values, each {@code 1 / (1 - rate)} with probability {@code 1 - rate} (to 2^-16), else 0. */
    static float[] mask(long seed, int size, float rate) {
        float[] mask = new float[size];
        float kept = 1f / (1f - rate);
        int threshold = (int) Math.round((1.0 - rate) * (1 << DRAW_BITS));
        int chunks = (size + CHUNK - 1) / CHUNK;
        long[] seeds = new long[chunks];
        SplittableRandom root = new SplittableRandom(seed);
        for (int c = 0; c < chunks; c++) {
            seeds[c] = root.nextLong();
        }
        for (int c = 0; c < chunks; c++) {
            fill(mask, c * CHUNK, Math.min(size, (c + 1) * CHUNK), new SplittableRandom(seeds[c]), threshold, kept);
        }
        return mask;
    }

    private static void fill(float[] mask, int from, int to, SplittableRandom random, int threshold, float kept) {
        int i = from;
        while (i < to) {
            long bits = random.nextLong();
            for (int draw = 0; draw < Long.SIZE / DRAW_BITS && i < to; draw++, i++) {
                mask[i] = (int) ((bits >>> (draw * DRAW_BITS)) & DRAW_MASK) < threshold ? kept : 0f;
            }
        }
    }
}
