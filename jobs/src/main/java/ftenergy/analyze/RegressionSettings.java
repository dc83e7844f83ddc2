package ftenergy.analyze;

import java.util.List;

/**
 * How {@link RegressionJob} fits.
 *
 * @param minRows smallest group that is fitted; smaller groups are reported as skipped (≥ 3)
 * @param parallelFits fits submitted to Spark at once; each fit is a few tiny jobs whose cost is
 *     scheduling latency, so overlapping them shortens the analysis even on one core
 * @param sweepIds sweeps to use; empty for all
 */
public record RegressionSettings(int minRows, int parallelFits, List<String> sweepIds) {

    public RegressionSettings {
        if (minRows < 3) {
            throw new IllegalArgumentException("regression minRows must be >= 3 (two coefficients and a residual), got " + minRows);
        }
        if (parallelFits < 1) {
            throw new IllegalArgumentException("regression parallelFits must be >= 1, got " + parallelFits);
        }
        sweepIds = List.copyOf(sweepIds);
    }

    /** Groups of at least 5 runs, 4 fits at a time, every sweep. */
    public static RegressionSettings defaults() {
        return new RegressionSettings(5, 4, List.of());
    }
}
