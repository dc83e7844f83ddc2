package ftenergy.data;

import java.util.Arrays;

/**
 * Length distribution of a set of examples, the numbers of the paper's Table 1.
 *
 * @param examples number of examples
 * @param meanLength mean tokens per example
 * @param medianLength median (lower middle for an even count)
 * @param p95Length 95th percentile (nearest rank)
 * @param maxLength longest example
 * @param tokens total tokens
 */
public record LengthStats(long examples, double meanLength, int medianLength, int p95Length, int maxLength, long tokens) {

    /** Statistics of the given lengths (not modified). */
    public static LengthStats of(int[] lengths) {
        if (lengths.length == 0) {
            return new LengthStats(0, 0, 0, 0, 0, 0);
        }
        int[] sorted = lengths.clone();
        Arrays.sort(sorted);
        long tokens = 0;
        for (int l : sorted) {
            tokens += l;
        }
        int n = sorted.length;
        return new LengthStats(n, (double) tokens / n, sorted[(n - 1) / 2], sorted[nearestRank(0.95, n)], sorted[n - 1], tokens);
    }

    private static int nearestRank(double q, int n) {
        return Math.max(0, (int) Math.ceil(q * n) - 1);
    }
}
