package ftenergy.train;

import ftenergy.run.EvalPoint;
import ftenergy.run.StepRecord;

/**
 * What watches a run from outside: the energy meter and progress printing plug in here.
 *
 * <p>Called on the training thread, between steps: {@link #joulesSoFar()} right before and right
 * after every step (and at every evaluation), so it must be cheap (read a counter, never sample).
 */
public interface TrainingObserver {

    /** An observer with no meter: energies are NaN. */
    TrainingObserver NONE = () -> Double.NaN;

    /** Cumulative energy of the run's devices since the meter started, in joules; NaN when unmetered. */
    double joulesSoFar();

    /**
     * Once, right before the training loop: the model, its tokenizer, the data and the optimiser are
     * ready, so whatever the run spent until now is its setup.
     */
    default void trainingStarts() {}

    /** Right before an evaluation pass over the evaluation examples. */
    default void evaluationStarts() {}

    /** Right after an evaluation pass, before its metrics are reported through {@link #onEval}. */
    default void evaluationEnds() {}

    /** Right before the trained model is written to its checkpoint. */
    default void checkpointStarts() {}

    /** Right after the checkpoint is written (or failed to be). */
    default void checkpointEnds() {}

    /** After every optimisation step (inference: every forward pass), in step order. */
    default void onStep(StepRecord step) {}

    /** After every evaluation, in step order. */
    default void onEval(EvalPoint point) {}
}
