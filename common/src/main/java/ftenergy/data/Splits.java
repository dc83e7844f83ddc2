package ftenergy.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A train/validation split.
 *
 * @param train training records, in source order
 * @param validation validation records, in source order
 */
public record Splits<T extends TaskRecord>(List<T> train, List<T> validation) {

    /** Name of the training split in the {@code split} column. */
    public static final String TRAIN = "train";
    /** Name of the validation split in the {@code split} column. */
    public static final String VALIDATION = "validation";

    public Splits {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
    }

    /**
     * Puts exactly {@code round(n * validationFraction)} records into validation: those whose
     * seeded hash of the id is smallest. The same ids and seed give the same split whatever the
     * input order; a different seed gives an independent split.
     *
     * @throws IllegalArgumentException on duplicate ids (they would make the split ambiguous)
     */
    public static <T extends TaskRecord> Splits<T> byId(List<T> records, double validationFraction, long seed) {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), was " + validationFraction);
        }
        int n = records.size();
        Integer[] order = new Integer[n];
        long[] keys = new long[n];
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            order[i] = i;
            String id = records.get(i).id();
            if (!seen.add(id)) {
                throw new IllegalArgumentException("duplicate record id " + id);
            }
            keys[i] = key(id, seed);
        }
        java.util.Arrays.sort(order, Comparator.<Integer>comparingLong(i -> keys[i]).thenComparing(i -> records.get(i).id()));
        int validationCount = (int) Math.round(n * validationFraction);
        boolean[] inValidation = new boolean[n];
        for (int k = 0; k < validationCount; k++) {
            inValidation[order[k]] = true;
        }
        List<T> train = new ArrayList<>(n - validationCount);
        List<T> validation = new ArrayList<>(validationCount);
        for (int i = 0; i < n; i++) {
            (inValidation[i] ? validation : train).add(records.get(i));
        }
        return new Splits<>(train, validation);
    }

    /**
     * The seeded hash {@link #byId} orders records by: the records with the smallest keys are the
     * validation split. FNV-1a over the UTF-8 id, then SplitMix64's finaliser mixed with the seed.
     */
    public static long key(String id, long seed) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        long z = h + seed * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
