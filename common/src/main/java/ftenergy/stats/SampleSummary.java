package ftenergy.stats;

/**
 * Summary statistics of a sample.
 *
 * @param n number of values
 * @param mean arithmetic mean
 * @param standardDeviation sample standard deviation (n − 1 denominator); 0 for a single value
 * @param min smallest value
 * @param max largest value
 */
public record SampleSummary(int n, double mean, double standardDeviation, double min, double max) {

    /** Summarises {@code values}; fails on an empty sample or a non-finite value. */
    public static SampleSummary of(double... values) {
        if (values.length == 0) {
            throw new AnalysisException("cannot summarise an empty sample");
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new AnalysisException("sample value " + i + " is " + values[i]);
            }
            sum += values[i];
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        double sd = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0.0;
        return new SampleSummary(values.length, mean, sd, min, max);
    }

    /** Coefficient of variation, standard deviation / mean: spread free of the unit and scale. NaN when the mean is 0. */
    public double coefficientOfVariation() {
        return mean == 0 ? Double.NaN : standardDeviation / Math.abs(mean);
    }
}
