package ftenergy.bench;

import java.util.Arrays;
import java.util.List;

/**
 * How a benchmark figure spread over its rounds: smallest, quartiles, median and largest, the
 * quartiles interpolated between order statistics (Hyndman and Fan's type 7, R's and NumPy's
 * default), so three rounds already have an interquartile range.
 *
 * @param min smallest round
 * @param lowerQuartile 25th percentile
 * @param median 50th percentile
 * @param upperQuartile 75th percentile
 * @param max largest round
 */
public record RoundSpread(double min, double lowerQuartile, double median, double upperQuartile, double max) {

    /** The spread of {@code rounds}; fails on none. */
    public static RoundSpread of(List<Double> rounds) {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("a spread needs at least one round");
        }
        double[] sorted = rounds.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new RoundSpread(sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75),
                sorted[sorted.length - 1]);
    }

    /** Upper minus lower quartile. */
    public double interquartileRange() {
        return upperQuartile - lowerQuartile;
    }

    private static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
