package ftenergy.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A seeded subset of records that keeps their original order. */
public final class Sample {

    private Sample() {}

    /** At most {@code max} of {@code records} (all when {@code max <= 0}), chosen by seed, in input order. */
    public static <T> List<T> keep(List<T> records, int max, long seed) {
        if (max <= 0 || records.size() <= max) {
            return records;
        }
        int n = records.size();
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < max; i++) {
            int j = i + random.nextInt(n - i);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(index, max);
        java.util.Arrays.sort(chosen);
        List<T> out = new ArrayList<>(max);
        for (int i : chosen) {
            out.add(records.get(i));
        }
        return out;
    }
}
