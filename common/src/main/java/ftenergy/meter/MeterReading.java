package ftenergy.meter;

import java.io.Serializable;
import java.time.Instant;

/**
 * The meter's last published reading, per component: what a watcher outside the run (a metrics
 * gauge, a delivery to the driver) may read at any time without sampling.
 *
 * <p>Joules are cumulative since the meter opened, on the same basis as
 * {@link PowerSample#joulesTotal()}; watts are the mean power over the interval that ended with
 * this reading (about one {@link MeterSettings#sampleInterval()}, shorter when a window edge took
 * the reading), 0 before the first interval.
 *
 * @param at when the reading was taken
 * @param cpuJoules CPU energy attributed to this process
 * @param gpuJoules energy of all the run's GPUs
 * @param ramJoules memory energy attributed to this process
 * @param cpuWatts CPU power
 * @param gpuWatts power of all the run's GPUs
 * @param ramWatts memory power
 */
public record MeterReading(Instant at, double cpuJoules, double gpuJoules, double ramJoules, double cpuWatts,
        double gpuWatts, double ramWatts) implements Serializable {

    /** CPU + GPU + RAM joules. */
    public double totalJoules() {
        return cpuJoules + gpuJoules + ramJoules;
    }

    /** CPU + GPU + RAM watts. */
    public double totalWatts() {
        return cpuWatts + gpuWatts + ramWatts;
    }
}
