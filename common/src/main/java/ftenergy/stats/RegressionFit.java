package ftenergy.stats;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * One ordinary-least-squares fit of a run energy column on a set of predictors, for one hardware,
 * run kind and model (and, for inference, one batch size): a row of the {@code regressions} table.
 * Model is part of the group because energy per token scales with model size: pooling a teacher
 * and its student in one line would fit neither; so is an inference batch size, because batching
 * changes the energy of a token.
 *
 * @param predictorSet label of the predictor set ({@code tokens_padded}, {@code duration_s},
 *     {@code tokens_padded+duration_s+steps}, ...)
 * @param response the fitted column: {@code energy_kwh} (the whole run, everything the meter saw)
 *     or {@code energy_steps_kwh} (the training loop alone; inference: the batches)
 * @param hardware the hardware group (GPU model, or CPU model for CPU runs)
 * @param kind the run kind group ({@code finetune}, ...)
 * @param model the model group (model name)
 * @param batchSize inference fits: the runs' batch size; 0 for training fits, which pool batch
 *     sizes (their tokens carry them)
 * @param withIntercept whether an intercept was fitted (otherwise the line goes through 0)
 * @param predictors the predictor columns, in coefficient order
 * @param coefficients one per predictor, then the intercept when fitted
 * @param r2 coefficient of determination (uncentred, through the origin, when there is no intercept)
 * @param rows runs used
 * @param residualStandardErrorKwh √(SSE / residual degrees of freedom)
 * @param predictorMeans mean of each predictor over the rows, in predictor order
 * @param heldOutMapePercent cross-validated MAPE, NaN when not computed
 * @param folds folds used for {@code heldOutMapePercent}: the row count for leave-one-out, 0 when
 *     not computed
 * @param sweepIds sweeps whose runs were used, sorted
 * @param fittedAt when the fit was made
 */
public record RegressionFit(
        String predictorSet,
        String response,
        String hardware,
        String kind,
        String model,
        int batchSize,
        boolean withIntercept,
        List<String> predictors,
        List<Coefficient> coefficients,
        double r2,
        long rows,
        double residualStandardErrorKwh,
        List<Double> predictorMeans,
        double heldOutMapePercent,
        int folds,
        List<String> sweepIds,
        Instant fittedAt) {

    public RegressionFit {
        predictors = List.copyOf(predictors);
        coefficients = List.copyOf(coefficients);
        predictorMeans = List.copyOf(predictorMeans);
        sweepIds = List.copyOf(sweepIds);
        if (coefficients.size() != predictors.size() + (withIntercept ? 1 : 0)) {
            throw new AnalysisException("fit " + predictorSet + " on " + group() + ": "
                    + coefficients.size() + " coefficients for " + predictors.size() + " predictors"
                    + (withIntercept ? " and an intercept" : ""));
        }
    }

    /** This fit with its cross-validation result set. */
    public RegressionFit withHeldOutMape(double mapePercent, int foldCount) {
        return new RegressionFit(predictorSet, response, hardware, kind, model, batchSize, withIntercept, predictors, coefficients, r2, rows,
                residualStandardErrorKwh, predictorMeans, mapePercent, foldCount, sweepIds, fittedAt);
    }

    /** The group as {@code hardware/kind/model}, with {@code /batch N} for an inference batch size. */
    public String group() {
        return hardware + "/" + kind + "/" + model + (batchSize == 0 ? "" : "/batch " + batchSize);
    }

    /** Residual degrees of freedom: rows minus estimated coefficients. */
    public long degreesOfFreedom() {
        return rows - coefficients.size();
    }

    /** The coefficient called {@code name}; fails naming the ones there are. */
    public Coefficient coefficient(String name) {
        for (Coefficient c : coefficients) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new AnalysisException("fit " + predictorSet + " on " + group() + " has no coefficient '"
                + name + "'; it has " + coefficients.stream().map(Coefficient::name).toList());
    }

    /** The intercept estimate, 0 when none was fitted. */
    public double intercept() {
        return withIntercept ? coefficient(Coefficient.INTERCEPT).estimate() : 0.0;
    }

    /** The fitted value for one row of predictor values (in predictor order). */
    public double predict(double... values) {
        if (values.length != predictors.size()) {
            throw new AnalysisException("fit " + predictorSet + " takes " + predictors.size() + " values, got " + values.length);
        }
        double y = intercept();
        for (int i = 0; i < values.length; i++) {
            y += coefficients.get(i).estimate() * values[i];
        }
        return y;
    }

    /**
     * Prediction interval for the energy of one new run with predictor value {@code x}, for a
     * single-predictor fit: ŷ ± t(df) · √(s² + Var(ŷ)), where Var(ŷ) = s²/n + (x − x̄)²·se(b)² with
     * an intercept and x²·se(b)² without one. Both forms follow from se(b)² = s² / Σ(x − x̄)²
     * (resp. s² / Σx²), so the table's columns suffice and no design matrix is kept.
     */
    public EnergyPrediction predictInterval(double x, double confidence) {
        if (predictors.size() != 1) {
            throw new AnalysisException("prediction intervals need a single-predictor fit; " + predictorSet + " has "
                    + predictors.size() + " predictors");
        }
        if (degreesOfFreedom() < 1) {
            throw new AnalysisException("fit " + predictorSet + " on " + group() + " has " + rows
                    + " rows: no degrees of freedom left for an interval");
        }
        double slopeError = coefficients.get(0).standardError();
        double s2 = residualStandardErrorKwh * residualStandardErrorKwh;
        double meanVariance = withIntercept
                ? s2 / rows + square(x - predictorMeans.get(0)) * slopeError * slopeError
                : x * x * slopeError * slopeError;
        double halfWidth = StudentT.quantile(0.5 + confidence / 2.0, degreesOfFreedom()) * Math.sqrt(s2 + meanVariance);
        double y = predict(x);
        return new EnergyPrediction(y, Math.max(0.0, y - halfWidth), y + halfWidth, confidence, describe());
    }

    /** The fitted equation, e.g. {@code energy_kwh = 1.2e-04 + 3.40e-09·tokens_padded}, named after its response. */
    public String equation() {
        StringJoiner terms = new StringJoiner(" + ");
        if (withIntercept) {
            terms.add(String.format(Locale.ROOT, "%.3g", intercept()));
        }
        for (int i = 0; i < predictors.size(); i++) {
            terms.add(String.format(Locale.ROOT, "%.3g·%s", coefficients.get(i).estimate(), predictors.get(i)));
        }
        return response + " = " + terms;
    }

    /** The equation with its group, size and error, for logs and prediction provenance. */
    public String describe() {
        return String.format(Locale.ROOT, "%s on %s (n=%d, R²=%.3f, held-out MAPE %s)", equation(), group(),
                rows, r2, Double.isNaN(heldOutMapePercent) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", heldOutMapePercent));
    }

    private static double square(double v) {
        return v * v;
    }
}
