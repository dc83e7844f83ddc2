package ftenergy.plan;

import ftenergy.config.ConfigReader;

/**
 * How a sweep's runs are launched: the GPUs each asks for (part of every run's identity, since
 * data-parallel training differs), retries, the energy budget and how many run at once.
 *
 * @param gpusPerRun GPUs each run asks for ({@code ftenergy.sweep.gpus-per-run})
 * @param retries extra attempts for a failed run
 * @param budgetKwh stop launching once the sweep spent this much (NaN = none)
 * @param budgetCo2Kg stop launching once the sweep emitted this much (NaN = none)
 * @param maxConcurrentRuns runs in flight at once (0 = automatic)
 * @param queuedRuns runs handed to Spark beyond its free slots, to start the moment one frees
 *     ({@code null} = automatic)
 */
public record LaunchSettings(
        int gpusPerRun, int retries, double budgetKwh, double budgetCo2Kg, int maxConcurrentRuns, Integer queuedRuns) {

    static LaunchSettings read(ConfigReader in, String prefix) {
        return new LaunchSettings(
                in.nonNegativeInt(prefix + "gpus-per-run"),
                in.nonNegativeInt(prefix + "retries"),
                in.optionalDoubleIn(prefix + "budget.kwh", 0, Double.MAX_VALUE),
                in.optionalDoubleIn(prefix + "budget.co2-kg", 0, Double.MAX_VALUE),
                in.nonNegativeInt(prefix + "max-concurrent-runs"),
                in.optionalNonNegativeInt(prefix + "queued-runs"));
    }
}
