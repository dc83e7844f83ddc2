package ftenergy.plan;

import ftenergy.run.Hyperparameters;

/**
 * Settings of a pre-training or distillation phase.
 *
 * @param enabled whether the phase runs
 * @param hyperparameters its optimisation settings (steps in {@code maxSteps})
 * @param seed its seed
 */
public record PhaseSettings(boolean enabled, Hyperparameters hyperparameters, long seed) {}
