package ftenergy.lake;

import java.time.Instant;

/**
 * The source of a row of an analysis table: one result, the sweeps it was computed over, and when.
 *
 * @param sweepScope the sweeps analysed together, the analysis tables' {@code sweep_id}: one sweep's
 *     id, several joined with {@code +} in sorted order, or {@code *} for every sweep of the lakehouse
 * @param result the result
 * @param computedAt when it was computed
 * @param <T> the result's type
 */
public record Analysed<T>(String sweepScope, T result, Instant computedAt) {

    /** The scope of an analysis over {@code sweepIds} (empty: every sweep). */
    public static String scopeOf(java.util.List<String> sweepIds) {
        return sweepIds.isEmpty() ? "*" : String.join("+", new java.util.TreeSet<>(sweepIds));
    }
}
