package ftenergy.carbon;

import java.time.Instant;

/**
 * One run's wall energy against its software energy over the span both cover.
 *
 * @param label which run (a run id or a file name)
 * @param from start of the common span
 * @param to end of the common span
 * @param wallJoules wall-meter energy over the span
 * @param softwareJoules meter energy (all components, all devices) over the span
 */
public record CalibrationRun(String label, Instant from, Instant to, double wallJoules, double softwareJoules) {

    /** Wall / software: the wall coefficient this run measures. */
    public double coefficient() {
        return wallJoules / softwareJoules;
    }
}
