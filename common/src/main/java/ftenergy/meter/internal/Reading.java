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
 * @param watts total power over the interval that ended here (0 for the first reading)
 */
public record Reading(long nanos, Instant at, double cpuJoules, double ramJoules, Map<String, Double> gpuJoules, double watts) {

    public Reading {
        gpuJoules = Map.copyOf(gpuJoules);
    }

    /** CPU + GPU + RAM joules. */
    public double totalJoules() {
        return cpuJoules + ramJoules + gpuJoules.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
