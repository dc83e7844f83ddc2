package ftenergy.plan;

import java.util.List;

/**
 * The fine-tuning hyperparameter grid; every list is non-empty.
 *
 * @param learningRates {@code lr}
 * @param batchSizes {@code batch-size}
 * @param epochs {@code epochs}
 * @param maxSeqLens {@code max-seq-len}
 * @param warmups {@code warmup}
 * @param weightDecays {@code weight-decay}
 * @param lengthGrouped {@code length-grouped}
 */
public record GridSettings(
        List<Double> learningRates,
        List<Integer> batchSizes,
        List<Integer> epochs,
        List<Integer> maxSeqLens,
        List<Double> warmups,
        List<Double> weightDecays,
        List<Boolean> lengthGrouped) {

    public GridSettings {
        learningRates = List.copyOf(learningRates);
        batchSizes = List.copyOf(batchSizes);
        epochs = List.copyOf(epochs);
        maxSeqLens = List.copyOf(maxSeqLens);
        warmups = List.copyOf(warmups);
        weightDecays = List.copyOf(weightDecays);
        lengthGrouped = List.copyOf(lengthGrouped);
    }

    /** Number of grid points. */
    public int size() {
        return learningRates.size() * batchSizes.size() * epochs.size() * maxSeqLens.size()
                * warmups.size() * weightDecays.size() * lengthGrouped.size();
    }
}
