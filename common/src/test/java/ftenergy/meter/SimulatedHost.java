package ftenergy.meter;

import java.nio.file.Path;
import java.util.List;

/**
 * A simulated host for tests outside this package: a CPU-only meter on fake procfs and sysfs with
 * a clock that moves only when told, and no background thread (see {@link MeterFixture}).
 */
public final class SimulatedHost {

    private final MeterFixture fixture;

    /** A host whose fake files live under {@code dir}. */
    public SimulatedHost(Path dir) {
        fixture = new MeterFixture(dir);
    }

    /** A meter on this host, for a run without GPUs. */
    public EnergyMeter openMeter() {
        return fixture.open(List.of(), MeterFixture.NO_NVML);
    }

    /** The process keeps 2 of 4 CPUs busy for {@code seconds}, one reading a second (2 samples: cpu, ram). */
    public void busy(EnergyMeter meter, int seconds) {
        fixture.busy(meter, seconds);
    }
}
