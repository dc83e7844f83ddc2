package ftenergy.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Dynamic-padded batches of examples: each batch is padded to its own longest example. Order per
 * epoch comes from {@link BatchOrder}, so it depends only on lengths, batch size, seed and epoch;
 * {@link TokenPlanner} predicts the token totals exactly.
 *
 * <pre>{@code
 * Batcher batcher = new Batcher(train, new BatchOrder(32, seed, true));
 * for (Iterator<Batch> it = batcher.run(new RunLength(3, 0)); it.hasNext(); ) { ... }
 * }</pre>
 */
public final class Batcher {

    private final List<Example> examples;
    private final int[] lengths;
    private final BatchOrder order;

    /**
     * @param examples the training examples (copied; order matters only through the seed)
     * @param order batch size, seed and grouping
     */
    public Batcher(List<Example> examples, BatchOrder order) {
        this.examples = List.copyOf(examples);
        this.order = order;
        this.lengths = lengths(this.examples);
    }

    /** The examples' lengths, in input order (what {@link TokenPlanner#plan} takes). */
    public static int[] lengths(List<Example> examples) {
        int[] out = new int[examples.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = examples.get(i).length();
        }
        return out;
    }

    /** Batches per epoch, the last one possibly smaller. */
    public int batchesPerEpoch() {
        return order.batchesPerEpoch(examples.size());
    }

    /** All batches of one 0-based epoch, in order. */
    public List<Batch> epoch(int epoch) {
        int[] indices = order.epochOrder(lengths, epoch);
        List<Batch> batches = new ArrayList<>(batchesPerEpoch());
        for (int from = 0; from < indices.length; from += order.batchSize()) {
            batches.add(batch(indices, from));
        }
        return batches;
    }

    /** The batches of a whole run, lazily, epoch after epoch, stopping at the run's step count. */
    public Iterator<Batch> run(RunLength runLength) {
        long steps = runLength.steps(batchesPerEpoch());
        return new Iterator<>() {
            private long step;
            private int epoch = -1;
            private int[] indices;
            private int from;

            @Override
            public boolean hasNext() {
                return step < steps;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("run has " + steps + " steps");
                }
                if (indices == null || from >= indices.length) {
                    indices = order.epochOrder(lengths, ++epoch);
                    from = 0;
                }
                Batch batch = batch(indices, from);
                from += order.batchSize();
                step++;
                return batch;
            }
        };
    }

    private Batch batch(int[] indices, int from) {
        int to = Math.min(indices.length, from + order.batchSize());
        List<Example> members = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            members.add(examples.get(indices[i]));
        }
        return Batch.of(members);
    }
}
