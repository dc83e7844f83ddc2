package ftenergy.meter.internal;

import java.nio.file.Path;

/**
 * One readable RAPL powercap zone.
 *
 * @param device name used in samples: {@code package-0}, {@code dram-0}, ...
 * @param directory the zone's sysfs directory (its name, e.g. {@code intel-rapl:0:1}, in descriptions)
 * @param maxEnergyRangeMicroJoules where {@code energy_uj} wraps
 */
public record RaplZone(String device, Path directory, long maxEnergyRangeMicroJoules) {

    /** The counter file. */
    public Path energyFile() {
        return directory.resolve("energy_uj");
    }
}
