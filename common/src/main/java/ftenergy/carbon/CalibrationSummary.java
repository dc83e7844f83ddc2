package ftenergy.carbon;

import java.util.List;

/**
 * The wall coefficient over several runs: use {@link #meanCoefficient()} as
 * {@link CarbonSettings#wallCoefficient()}, and report its spread.
 *
 * @param runs the runs, in the order given
 * @param meanCoefficient mean of the runs' coefficients
 * @param stdDevCoefficient sample standard deviation (0 for one run)
 * @param minCoefficient smallest
 * @param maxCoefficient largest
 */
public record CalibrationSummary(List<CalibrationRun> runs, double meanCoefficient, double stdDevCoefficient,
        double minCoefficient, double maxCoefficient) {

    public CalibrationSummary {
        runs = List.copyOf(runs);
    }
}
