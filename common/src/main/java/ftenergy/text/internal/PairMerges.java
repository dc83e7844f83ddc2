package ftenergy.text.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The merge loop of WordPiece/BPE training with incremental pair counts: each merge touches only the
 * words containing the merged pair, and a lazy max-heap finds the next pair without a full scan.
 *
 * <p>Mutates the symbol list and id map it is given; one use per instance.
 */
public final class PairMerges {

    private static final String CONTINUATION = "##";

    private final List<String> symbols;
    private final Map<String, Integer> ids;
    private final List<int[]> words;
    private final List<Long> counts;
    private final Map<Long, Long> pairCounts = new HashMap<>();
    private final Map<Long, Set<Integer>> pairWords = new HashMap<>();
    // Highest count first; equal counts by pair key so the order never depends on hashing.
    private final PriorityQueue<long[]> heap = new PriorityQueue<>((x, y) ->
            x[0] != y[0] ? Long.compare(y[0], x[0]) : Long.compare(x[1], y[1]));

    /**
     * @param symbols current symbols (specials, alphabet); merged symbols are appended
     * @param ids symbol to id, kept in step with {@code symbols}
     * @param words each word as symbol ids
     * @param counts each word's frequency
     */
    public PairMerges(List<String> symbols, Map<String, Integer> ids, List<int[]> words, List<Long> counts) {
        this.symbols = symbols;
        this.ids = ids;
        this.words = words;
        this.counts = counts;
    }

    /** Merges until {@code symbols} has {@code vocabSize} entries or no pair is frequent enough. */
    public void run(int vocabSize, int minPairFrequency) {
        for (int w = 0; w < words.size(); w++) {
            addPairs(w, null);
        }
        pairCounts.forEach((key, count) -> heap.add(new long[] {count, key}));
        while (symbols.size() < vocabSize && !heap.isEmpty()) {
            long[] top = heap.poll();
            long key = top[1];
            long current = pairCounts.getOrDefault(key, 0L);
            if (current != top[0]) {
                if (current > 0) {
                    heap.add(new long[] {current, key});
                }
                continue;
            }
            if (current < minPairFrequency) {
                break;
            }
            merge(key);
        }
    }

    private void merge(long key) {
        int a = (int) (key >>> 32);
        int b = (int) key;
        String right = symbols.get(b);
        String merged = symbols.get(a) + (right.startsWith(CONTINUATION) ? right.substring(CONTINUATION.length()) : right);
        Integer id = ids.get(merged);
        if (id == null) {
            id = symbols.size();
            symbols.add(merged);
            ids.put(merged, id);
        }
        Set<Long> changed = new HashSet<>();
        for (int w : new ArrayList<>(pairWords.get(key))) {
            removePairs(w);
            words.set(w, replace(words.get(w), a, b, id));
            addPairs(w, changed);
        }
        pairCounts.remove(key);
        pairWords.remove(key);
        changed.remove(key);
        for (long p : changed) {
            Long count = pairCounts.get(p);
            if (count != null && count > 0) {
                heap.add(new long[] {count, p});
            }
        }
    }

    private static int[] replace(int[] word, int a, int b, int merged) {
        int[] out = new int[word.length];
        int n = 0;
        for (int i = 0; i < word.length; i++) {
            if (i + 1 < word.length && word[i] == a && word[i + 1] == b) {
                out[n++] = merged;
                i++;
            } else {
                out[n++] = word[i];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private void removePairs(int w) {
        int[] word = words.get(w);
        long count = counts.get(w);
        for (int i = 0; i + 1 < word.length; i++) {
            long p = pair(word[i], word[i + 1]);
            pairCounts.merge(p, -count, Long::sum);
            Set<Integer> where = pairWords.get(p);
            if (where != null) {
                where.remove(w);
            }
        }
    }

    private void addPairs(int w, Set<Long> changed) {
        int[] word = words.get(w);
        long count = counts.get(w);
        for (int i = 0; i + 1 < word.length; i++) {
            long p = pair(word[i], word[i + 1]);
            pairCounts.merge(p, count, Long::sum);
            pairWords.computeIfAbsent(p, k -> new HashSet<>()).add(w);
            if (changed != null) {
                changed.add(p);
            }
        }
    }

    private static long pair(int a, int b) {
        return ((long) a << 32) | (b & 0xFFFFFFFFL);
    }
}
