package ftenergy.data;

/**
 * Exact real and padded token totals of a run from example lengths alone, without building batches:
 * the same {@link BatchOrder} the {@link Batcher} uses, summed. Lets a sweep know every run's token
 * budget (the paper's predictor of energy) before any run starts.
 */
public final class TokenPlanner {

    private TokenPlanner() {}

    /**
     * @param lengths token count of every training example, in the order the batcher receives them
     * @param order batch size, seed and grouping
     * @param runLength epochs and step cap
     */
    public static TokenTotals plan(int[] lengths, BatchOrder order, RunLength runLength) {
        int n = lengths.length;
        int perEpoch = order.batchesPerEpoch(n);
        long steps = runLength.steps(perEpoch);
        long examples = 0;
        long real = 0;
        long padded = 0;
        long step = 0;
        for (int epoch = 0; step < steps; epoch++) {
            int[] indices = order.epochOrder(lengths, epoch);
            for (int b = 0; b < perEpoch && step < steps; b++, step++) {
                int from = b * order.batchSize();
                int to = Math.min(n, from + order.batchSize());
                int longest = 0;
                for (int i = from; i < to; i++) {
                    int length = lengths[indices[i]];
                    real += length;
                    longest = Math.max(longest, length);
                }
                examples += to - from;
                padded += (long) longest * (to - from);
            }
        }
        return new TokenTotals(steps, examples, real, padded);
    }
}
