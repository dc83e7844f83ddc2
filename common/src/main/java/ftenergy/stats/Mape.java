package ftenergy.stats;

/** Mean absolute percentage error, the held-out error the energy predictor reports. */
public final class Mape {

    private Mape() {}

    /**
     * 100 · mean(|actual − predicted| / |actual|).
     *
     * @throws AnalysisException when the arrays differ in length, are empty, or an actual value is 0
     *     (a percentage of nothing is undefined)
     */
    public static double percent(double[] actual, double[] predicted) {
        if (actual.length != predicted.length) {
            throw new AnalysisException(
                    "MAPE needs one prediction per actual value: " + actual.length + " actual, " + predicted.length + " predicted");
        }
        if (actual.length == 0) {
            throw new AnalysisException("MAPE of no values is undefined");
        }
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] == 0) {
                throw new AnalysisException("MAPE undefined: actual value " + i + " is 0");
            }
            sum += Math.abs((actual[i] - predicted[i]) / actual[i]);
        }
        return 100.0 * sum / actual.length;
    }
}
