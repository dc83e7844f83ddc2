package ftenergy.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatcherTest {

    private static List<Example> examples(int n, long seed) {
        Random random = new Random(seed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Skewed like real text: many short, a few long.
            int length = 3 + (int) Math.min(509, Math.abs(random.nextGaussian()) * 60 + (random.nextInt(10) == 0 ? 300 : 0));
            int[] ids = new int[length];
            Arrays.fill(ids, 7);
            out.add(new Example("t", "train", "e" + i, ids, new int[length], i % 2, new int[0], -1, -1));
        }
        return out;
    }

    /** Counts tokens from the tensors the trainer would get, not from Batch's own counters. */
    private static TokenTotals bruteForce(Batcher batcher, RunLength runLength) {
        long steps = 0;
        long examples = 0;
        long real = 0;
        long padded = 0;
        for (Iterator<Batch> it = batcher.run(runLength); it.hasNext(); ) {
            Batch b = it.next();
            steps++;
            examples += b.size();
            for (long m : b.attentionMask()) {
                real += m;
            }
            padded += b.inputIds().length;
        }
        return new TokenTotals(steps, examples, real, padded);
    }

    @Test
    void plannedTotals_equalBruteForceRecount_forAllSettings() {
        List<Example> data = examples(1003, 1);
        int[] lengths = Batcher.lengths(data);
        for (int batchSize : new int[] {1, 7, 32, 2000}) {
            for (boolean grouped : new boolean[] {false, true}) {
                for (RunLength run : List.of(new RunLength(3, 0), new RunLength(0, 77), new RunLength(2, 5))) {
                    BatchOrder order = new BatchOrder(batchSize, 11, grouped);
                    TokenTotals planned = TokenPlanner.plan(lengths, order, run);
                    TokenTotals counted = bruteForce(new Batcher(data, order), run);
                    assertEquals(counted, planned, "batch " + batchSize + " grouped " + grouped + " " + run);
                }
            }
        }
    }

    @Test
    void epoch_containsEveryExampleOnce_paddedToLongestInBatch() {
        List<Example> data = examples(100, 2);
        for (boolean grouped : new boolean[] {false, true}) {
            List<Batch> batches = new Batcher(data, new BatchOrder(8, 3, grouped)).epoch(0);
            Set<String> seen = new HashSet<>();
            for (Batch b : batches) {
                b.examples().forEach(e -> assertTrue(seen.add(e.exampleId())));
                assertEquals(b.examples().stream().mapToInt(Example::length).max().orElseThrow(), b.seqLen());
            }
            assertEquals(100, seen.size());
            assertEquals(13, batches.size());
            assertEquals(4, batches.get(12).size());
        }
    }

    @Test
    void sameSeed_sameBatches_otherSeedOrEpoch_differ() {
        List<Example> data = examples(200, 3);
        assertEquals(ids(new Batcher(data, new BatchOrder(16, 5, true)).epoch(0)),
                ids(new Batcher(data, new BatchOrder(16, 5, true)).epoch(0)));
        assertFalse(ids(new Batcher(data, new BatchOrder(16, 5, true)).epoch(0))
                .equals(ids(new Batcher(data, new BatchOrder(16, 6, true)).epoch(0))));
        assertFalse(ids(new Batcher(data, new BatchOrder(16, 5, false)).epoch(0))
                .equals(ids(new Batcher(data, new BatchOrder(16, 5, false)).epoch(1))));
    }

    @Test
    void lengthGrouped_putsLongestFirst_andCutsPadding() {
        List<Example> data = examples(2000, 4);
        int[] lengths = Batcher.lengths(data);
        List<Batch> grouped = new Batcher(data, new BatchOrder(16, 5, true)).epoch(0);

        assertEquals(Arrays.stream(lengths).max().orElseThrow(), grouped.get(0).seqLen());
        long plain = TokenPlanner.plan(lengths, new BatchOrder(16, 5, false), new RunLength(1, 0)).tokensPaddingOnly();
        long sorted = TokenPlanner.plan(lengths, new BatchOrder(16, 5, true), new RunLength(1, 0)).tokensPaddingOnly();
        assertTrue(sorted * 2 < plain, "grouped padding " + sorted + " vs plain " + plain);
    }

    @Test
    void maxStepsWithoutEpochs_runsAcrossEpochBoundaries() {
        List<Example> data = examples(10, 5);
        List<Batch> run = new ArrayList<>();
        new Batcher(data, new BatchOrder(4, 1, false)).run(new RunLength(0, 7)).forEachRemaining(run::add);

        assertEquals(7, run.size());
        assertEquals(2, run.get(2).size(), "third batch ends epoch 0");
        assertEquals(ids(new Batcher(data, new BatchOrder(4, 1, false)).epoch(1)), ids(run.subList(3, 6)));
    }

    private static List<String> ids(List<Batch> batches) {
        List<String> out = new ArrayList<>();
        batches.forEach(b -> b.examples().forEach(e -> out.add(e.exampleId())));
        return out;
    }
}
