package ftenergy.meter.internal;

import java.time.Instant;
import java.util.Map;

/**
 * Cumulative attributed energy at one instant, as the sampler last read it.
 *
 * @param nanos monotonic time of the reading
 * @param at wall-clock time of the reading
 * @param cpuJoules CPU joules since the meter opened
 * @param ramJoules RAM joules since the meter opened
 * @param gpuJoules joules per GPU device ({@code gpu-<address>}) since the meter opened
 * @param cpuWatts CPU power over the interval that ended here (0 for the first reading)
 * @param gpuWatts power of all the run's GPUs over that interval
 * @param ramWatts RAM power over that interval
 */
public record Reading(long nanos, Instant at, double cpuJoules, double ramJoules, Map<String, Double> gpuJoules,
        double cpuWatts, double gpuWatts, double ramWatts) {

    public Reading {
        gpuJoules = Map.copyOf(gpuJoules);
    }

    /** CPU + GPU + RAM joules. */
    public double totalJoules() {
        return cpuJoules + ramJoules + gpuJoulesTotal();
    }

    /** Joules of all the run's GPUs. */
    public double gpuJoulesTotal() {
        return gpuJoules.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** CPU + GPU + RAM power over the interval that ended here. */
    public double watts() {
        return cpuWatts + gpuWatts + ramWatts;
    }
}
