package ftenergy.data;

/**
 * How long a run is, in the terms of {@code Hyperparameters}.
 *
 * @param epochs passes over the data; 0 when only {@code maxSteps} bounds the run
 * @param maxSteps cap on optimisation steps; 0 for none. With {@code epochs == 0} the run takes
 *     exactly {@code maxSteps} steps, reshuffling at each epoch boundary.
 */
public record RunLength(int epochs, int maxSteps) {

    public RunLength {
        if (epochs < 0 || maxSteps < 0 || (epochs == 0 && maxSteps == 0)) {
            throw new IllegalArgumentException("need epochs > 0 or max steps > 0, got " + epochs + " and " + maxSteps);
        }
    }

    /** Optimisation steps of the run over {@code batchesPerEpoch} batches per epoch. */
    public long steps(int batchesPerEpoch) {
        if (batchesPerEpoch == 0) {
            return 0;
        }
        long byEpochs = (long) epochs * batchesPerEpoch;
        if (maxSteps == 0) {
            return byEpochs;
        }
        return epochs == 0 ? maxSteps : Math.min(byEpochs, maxSteps);
    }
}
