package ftenergy.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Student's t quantiles for the confidence and prediction intervals of fitted lines, from Apache
 * Commons Math's {@link TDistribution}; arguments are checked here so that a bad fit fails with an
 * {@link AnalysisException} that says which value was wrong.
 */
public final class StudentT {

    /** Commons Math's default stops at 1e-9; intervals are compared to tables at 1e-8 and finer. */
    private static final double QUANTILE_ACCURACY = 1e-12;

    private StudentT() {}

    /**
     * The t with P(T ≤ t) = {@code probability}.
     *
     * @throws AnalysisException unless 0 &lt; probability &lt; 1 and degreesOfFreedom &gt; 0
     */
    public static double quantile(double probability, double degreesOfFreedom) {
        if (!(degreesOfFreedom > 0)) {
            throw new AnalysisException("t distribution needs degrees of freedom > 0, got " + degreesOfFreedom);
        }
        if (!(probability > 0 && probability < 1)) {
            throw new AnalysisException("t quantile needs 0 < probability < 1, got " + probability);
        }
        // No random generator: the distribution is only evaluated, never sampled.
        return new TDistribution(null, degreesOfFreedom, QUANTILE_ACCURACY).inverseCumulativeProbability(probability);
    }
}
