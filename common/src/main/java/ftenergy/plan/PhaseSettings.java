package ftenergy.plan;

import ftenergy.config.ConfigReader;
import ftenergy.run.Hyperparameters;

/**
 * Settings of a pre-training or distillation phase.
 *
 * @param enabled whether the phase runs
 * @param hyperparameters its optimisation settings (steps in {@code maxSteps})
 * @param seed its seed
 */
public record PhaseSettings(boolean enabled, Hyperparameters hyperparameters, long seed) {

    /** Reads the phase under {@code prefix} (a whole key ending in a dot); problems are collected in {@code in}. */
    static PhaseSettings read(ConfigReader in, String prefix) {
        boolean enabled = in.bool(prefix + "enabled");
        int steps = in.positiveInt(prefix + "steps");
        int batch = in.positiveInt(prefix + "batch-size");
        double lr = in.doubleIn(prefix + "lr", Double.MIN_VALUE, 1);
        int maxSeqLen = in.positiveInt(prefix + "max-seq-len");
        double warmup = in.doubleIn(prefix + "warmup", 0, 0.99);
        double decay = in.doubleIn(prefix + "weight-decay", 0, 1);
        long seed = in.anyLong(prefix + "seed");
        if (maxSeqLen < 8) {
            in.problem(prefix + "max-seq-len", "must be >= 8, was " + maxSeqLen);
            maxSeqLen = 8;
        }
        return new PhaseSettings(enabled, new Hyperparameters(lr, batch, 0, steps, maxSeqLen, warmup, decay, false), seed);
    }
}
