package ftenergy.plan;

import ftenergy.config.ConfigReader;
import java.util.List;
import java.util.function.Predicate;

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

    /** The grid's lists, by key, as {@code finetune.grid} and {@code finetune.task-grids.<task>} name them. */
    static final List<String> KEYS =
            List.of("lr", "batch-size", "epochs", "max-seq-len", "warmup", "weight-decay", "length-grouped");

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

    /**
     * The grid under {@code prefix} (a whole key ending in a dot); each list it lacks is
     * {@code base}'s ({@code base} null: every list must be there).
     */
    static GridSettings read(ConfigReader in, String prefix, GridSettings base) {
        Predicate<String> own = field -> base == null || in.config().hasPath(prefix + field);
        GridSettings grid = new GridSettings(
                own.test("lr") ? in.positiveDoubles(prefix + "lr") : base.learningRates(),
                own.test("batch-size") ? in.positiveInts(prefix + "batch-size") : base.batchSizes(),
                own.test("epochs") ? in.positiveInts(prefix + "epochs") : base.epochs(),
                own.test("max-seq-len") ? in.positiveInts(prefix + "max-seq-len") : base.maxSeqLens(),
                own.test("warmup") ? in.fractions(prefix + "warmup") : base.warmups(),
                own.test("weight-decay") ? in.fractions(prefix + "weight-decay") : base.weightDecays(),
                own.test("length-grouped") ? in.booleans(prefix + "length-grouped") : base.lengthGrouped());
        for (int length : grid.maxSeqLens()) {
            if (length < 8) {
                in.problem(prefix + "max-seq-len", "every value must be >= 8, found " + length);
            }
        }
        return grid;
    }
}
