package ftenergy.stats;

/**
 * One estimated coefficient of an ordinary-least-squares fit.
 *
 * @param name the predictor column, or {@link #INTERCEPT}
 * @param estimate the estimate, in kWh per unit of the predictor (kWh for the intercept)
 * @param standardError its standard error
 * @param tValue estimate / standard error
 * @param pValue two-sided p-value of the t-test against 0
 */
public record Coefficient(String name, double estimate, double standardError, double tValue, double pValue) {

    /** The name the intercept goes by. */
    public static final String INTERCEPT = "intercept";
}
