package ftenergy.stats;

import ftenergy.run.RunKind;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Predicts the energy of planned runs from fitted lines of whole-run energy ({@code energy_kwh})
 * on padded tokens, one per hardware, run kind and model, and for inference per batch size (padded
 * tokens, because they are known before a run starts and predict energy best, as in the paper).
 *
 * <p>Of the fits with and without an intercept for a group, the one with the lower held-out MAPE
 * is used; without cross-validation results, the one with an intercept (it absorbs fixed per-run
 * costs such as loading and evaluation).
 *
 * <pre>{@code
 * EnergyPredictor predictor = new EnergyPredictor(fits, 0.95);
 * EnergyPrediction p = predictor.predict("NVIDIA A100", RunKind.FINETUNE, "bert-base", 32, 12_000_000L);
 * }</pre>
 */
public final class EnergyPredictor {

    /** The predictor set this class uses. */
    public static final String PREDICTOR = "tokens_padded";

    /** The response it predicts: the whole run's energy, which is what a planned run will cost. */
    public static final String RESPONSE = "energy_kwh";

    private final List<RegressionFit> fits;
    private final double confidence;

    /**
     * @param fits fits of the {@code regressions} table; those on other predictor sets or responses are ignored
     * @param confidence coverage of the prediction intervals, in (0, 1)
     */
    public EnergyPredictor(List<RegressionFit> fits, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new AnalysisException("prediction confidence must be in (0, 1), got " + confidence);
        }
        this.fits = fits.stream().filter(f -> f.predictorSet().equals(PREDICTOR) && f.response().equals(RESPONSE)
                && f.degreesOfFreedom() >= 1).toList();
        this.confidence = confidence;
    }

    /** Whether a fit exists for {@code hardware}, {@code kind}, {@code model} and (inference) {@code batchSize}. */
    public boolean supports(String hardware, RunKind kind, String model, int batchSize) {
        return fit(hardware, kind, model, batchSize).isPresent();
    }

    /**
     * Predicted kWh for a run of {@code kind} training or running {@code model} on {@code hardware} that will process
     * {@code tokensPadded} tokens including padding.
     *
     * @param batchSize the run's batch size: inference fits are per batch size, training fits pool them
     * @throws AnalysisException naming the groups that do have a fit, when this one has none
     */
    public EnergyPrediction predict(String hardware, RunKind kind, String model, int batchSize, long tokensPadded) {
        RegressionFit fit = fit(hardware, kind, model, batchSize).orElseThrow(() -> new AnalysisException(
                "no " + PREDICTOR + " fit for hardware '" + hardware + "', kind " + kind.label() + ", model '" + model + "'"
                        + (kind == RunKind.INFERENCE ? ", batch size " + batchSize : "")
                        + "; fitted groups: " + groups() + " (run `ftenergy analyze` after runs of this kind exist)"));
        return fit.predictInterval(tokensPadded, confidence);
    }

    /** The fit {@link #predict} would use for a group. */
    public Optional<RegressionFit> fit(String hardware, RunKind kind, String model, int batchSize) {
        int fitBatchSize = kind == RunKind.INFERENCE ? batchSize : 0;
        RegressionFit best = null;
        for (RegressionFit f : fits) {
            boolean sameGroup = f.hardware().equals(hardware) && f.kind().equals(kind.label()) && f.model().equals(model)
                    && f.batchSize() == fitBatchSize;
            if (sameGroup && (best == null || better(f, best))) {
                best = f;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean better(RegressionFit candidate, RegressionFit current) {
        boolean bothValidated = !Double.isNaN(candidate.heldOutMapePercent()) && !Double.isNaN(current.heldOutMapePercent());
        if (bothValidated) {
            return candidate.heldOutMapePercent() < current.heldOutMapePercent();
        }
        return candidate.withIntercept() && !current.withIntercept();
    }

    private TreeSet<String> groups() {
        TreeSet<String> groups = new TreeSet<>();
        for (RegressionFit f : fits) {
            groups.add(f.group());
        }
        return groups;
    }
}
