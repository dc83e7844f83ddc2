package ftenergy.run;

import java.io.Serializable;
import java.time.Instant;

/**
 * One optimisation step: a row of the {@code steps} table.
 *
 * @param step 1-based step number within the run
 * @param epoch 0-based epoch (inference: 0-based pass over the examples)
 * @param batchSize examples in this batch
 * @param seqLen padded length of this batch
 * @param tokensReal non-padding tokens
 * @param tokensPadded {@code batchSize × seqLen}, i.e. what the model computed on
 * @param loss training loss of this step
 * @param learningRate learning rate applied at this step
 * @param stepSeconds wall seconds of this step
 * @param energyJoules energy of this step from the run's meter (NaN if no meter was attached)
 * @param at when the step ended
 */
public record StepRecord(
        long step,
        int epoch,
        int batchSize,
        int seqLen,
        long tokensReal,
        long tokensPadded,
        double loss,
        double learningRate,
        double stepSeconds,
        double energyJoules,
        Instant at)
        implements Serializable {}
