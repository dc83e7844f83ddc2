package ftenergy.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Which examples form which batch, in which order, for one epoch: decided from example lengths and
 * the seed alone, so {@link Batcher} and {@link TokenPlanner} agree exactly.
 *
 * <p>Plain: a seeded shuffle cut into consecutive batches (the last may be smaller). Length-grouped
 * (HuggingFace's {@code group_by_length}): the shuffle is cut into mega-batches of
 * {@code min(n / (4 × batchSize), 50)} (at least 1) batches, each mega-batch is sorted by length,
 * longest first, and the longest example overall is swapped to the front so the largest batch
 * comes first (memory problems show at once).
 *
 * @param batchSize examples per batch
 * @param seed run seed; each epoch reshuffles with a seed derived from it
 * @param lengthGrouped sort within mega-batches to cut padding
 */
public record BatchOrder(int batchSize, long seed, boolean lengthGrouped) {

    /** HuggingFace's cap on batches per mega-batch. */
    static final int MAX_MEGA_BATCH_MULTIPLIER = 50;

    public BatchOrder {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be > 0, was " + batchSize);
        }
    }

    /** Batches in one epoch over {@code n} examples. */
    public int batchesPerEpoch(int n) {
        return (n + batchSize - 1) / batchSize;
    }

    /**
     * Example indices in epoch order; consecutive runs of {@code batchSize} form the batches.
     *
     * @param lengths token count of every example
     * @param epoch 0-based epoch
     */
    public int[] epochOrder(int[] lengths, int epoch) {
        int n = lengths.length;
        int[] order = permutation(n, new SplittableRandom(mix(seed, epoch)));
        if (!lengthGrouped || n == 0) {
            return order;
        }
        int megaBatch = batchSize * Math.max(1, Math.min(n / (batchSize * 4), MAX_MEGA_BATCH_MULTIPLIER));
        for (int from = 0; from < n; from += megaBatch) {
            int to = Math.min(n, from + megaBatch);
            Integer[] chunk = new Integer[to - from];
            for (int i = from; i < to; i++) {
                chunk[i - from] = order[i];
            }
            // Stable sort: equal lengths keep their shuffled order.
            Arrays.sort(chunk, (x, y) -> Integer.compare(lengths[y], lengths[x]));
            for (int i = from; i < to; i++) {
                order[i] = chunk[i - from];
            }
        }
        int longest = 0;
        for (int i = 1; i < n; i += 1) {
            if (lengths[order[i]] > lengths[order[longest]]) {
                longest = i;
            }
        }
        int first = order[0];
        order[0] = order[longest];
        order[longest] = first;
        return order;
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static long mix(long seed, int epoch) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch + 1;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
