package ftenergy.run;

import java.io.Serializable;

/**
 * A run's software energy split by what it was spent on. Each part is a meter window of the run's
 * own (or the run's window less the other parts' windows), so the parts add up to the run's
 * {@link EnergyAccount#kwh()} within the meter's rounding.
 *
 * <ul>
 *   <li>setup: before the training loop or the first inference batch: loading the model,
 *       tokenizer and examples, building the model and optimiser;
 *   <li>steps: optimisation steps (inference: the batches), with whatever the loop did between
 *       them and the run did after them;
 *   <li>evaluation: every evaluation pass of a training run;
 *   <li>checkpoint: writing the trained model.
 * </ul>
 *
 * @param setupKwh setup energy; NaN when not measured (an attempt that never started, rows of older versions)
 * @param stepsKwh energy of the steps or batches; NaN when not measured
 * @param evaluationKwh energy of evaluation passes; NaN when not measured
 * @param checkpointKwh energy of saving checkpoints; NaN when not measured
 */
public record EnergyParts(double setupKwh, double stepsKwh, double evaluationKwh, double checkpointKwh)
        implements Serializable {

    /** Nothing measured. */
    public static final EnergyParts UNMEASURED = new EnergyParts(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** The parts' sum: the run's software energy (NaN if any part was not measured). */
    public double totalKwh() {
        return setupKwh + stepsKwh + evaluationKwh + checkpointKwh;
    }
}
