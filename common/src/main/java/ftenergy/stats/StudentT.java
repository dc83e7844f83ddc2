package ftenergy.stats;

/**
 * Student's t distribution, for the prediction intervals of fitted lines. Only what an interval
 * needs: the CDF (through the regularized incomplete beta function) and its inverse by bisection.
 */
public final class StudentT {

    private static final double[] LANCZOS = {
        676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
    };

    private StudentT() {}

    /** P(T ≤ t) for {@code degreesOfFreedom} > 0. */
    public static double cdf(double t, double degreesOfFreedom) {
        requirePositive(degreesOfFreedom);
        double x = degreesOfFreedom / (degreesOfFreedom + t * t);
        double tail = 0.5 * regularizedBeta(x, degreesOfFreedom / 2.0, 0.5);
        return t >= 0 ? 1.0 - tail : tail;
    }

    /** The t with P(T ≤ t) = {@code probability}, for 0 < probability < 1, to about 1e-10. */
    public static double quantile(double probability, double degreesOfFreedom) {
        requirePositive(degreesOfFreedom);
        if (!(probability > 0 && probability < 1)) {
            throw new AnalysisException("t quantile needs 0 < probability < 1, got " + probability);
        }
        double low = -1.0;
        double high = 1.0;
        while (cdf(low, degreesOfFreedom) > probability) {
            low *= 2;
        }
        while (cdf(high, degreesOfFreedom) < probability) {
            high *= 2;
        }
        for (int i = 0; i < 200 && high - low > 1e-12 * Math.max(1.0, Math.abs(high)); i++) {
            double mid = 0.5 * (low + high);
            if (cdf(mid, degreesOfFreedom) < probability) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return 0.5 * (low + high);
    }

    private static void requirePositive(double degreesOfFreedom) {
        if (!(degreesOfFreedom > 0)) {
            throw new AnalysisException("t distribution needs degrees of freedom > 0, got " + degreesOfFreedom);
        }
    }

    /** I_x(a, b), by the continued fraction of Numerical Recipes (section 6.4). */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        // The fraction converges fast only below the mean; use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) above it.
        if (x < (a + 1) / (a + b + 2)) {
            return front * betaFraction(x, a, b) / a;
        }
        return 1.0 - front * betaFraction(1 - x, b, a) / b;
    }

    private static double betaFraction(double x, double a, double b) {
        double tiny = 1e-300;
        double c = 1.0;
        double d = 1.0 - (a + b) * x / (a + 1);
        d = Math.abs(d) < tiny ? tiny : d;
        d = 1.0 / d;
        double h = d;
        for (int m = 1; m <= 300; m++) {
            int m2 = 2 * m;
            double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1.0 + even * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1.0 + even / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1.0 / d;
            h *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1.0 + odd * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1.0 + odd / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1.0 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1.0) < 1e-15) {
                break;
            }
        }
        return h;
    }

    /** ln Γ(x) for x > 0 (Lanczos, g = 7). */
    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = 0.99999999999980993;
        for (int i = 0; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i + 1);
        }
        double t = z + LANCZOS.length - 0.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
