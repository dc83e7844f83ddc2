package ftenergy.run;

import java.io.Serializable;

/**
 * Optimisation settings of one run; each becomes a column of {@code runs}.
 *
 * @param learningRate peak learning rate (AdamW)
 * @param batchSize examples per optimisation step
 * @param epochs passes over the training split (ignored when {@code maxSteps > 0} stops earlier)
 * @param maxSteps hard cap on optimisation steps; 0 for none
 * @param maxSeqLen sequences are truncated to this many tokens
 * @param warmupFraction fraction of the steps with linear learning-rate warm-up
 * @param weightDecay AdamW decoupled weight decay
 * @param lengthGrouped sort within shuffled mega-batches to cut dynamic padding
 */
public record Hyperparameters(
        double learningRate,
        int batchSize,
        int epochs,
        int maxSteps,
        int maxSeqLen,
        double warmupFraction,
        double weightDecay,
        boolean lengthGrouped)
        implements Serializable {

    public Hyperparameters {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0, was " + learningRate);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be > 0, was " + batchSize);
        }
        if (epochs <= 0 && maxSteps <= 0) {
            throw new IllegalArgumentException("epochs or max steps must be > 0");
        }
        if (maxSeqLen < 8) {
            throw new IllegalArgumentException("max sequence length must be >= 8, was " + maxSeqLen);
        }
        if (warmupFraction < 0 || warmupFraction >= 1) {
            throw new IllegalArgumentException("warm-up fraction must be in [0, 1), was " + warmupFraction);
        }
        if (weightDecay < 0) {
            throw new IllegalArgumentException("weight decay must be >= 0, was " + weightDecay);
        }
    }
}
