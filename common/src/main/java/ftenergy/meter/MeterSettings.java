package ftenergy.meter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How the energy meter samples and which models fill in where no counter is readable.
 *
 * <pre>{@code
 * MeterSettings s = MeterSettings.defaults().withSampleInterval(Duration.ofMillis(500));
 * }</pre>
 *
 * @param sampleInterval period of the background sampler (default 1 s); RAPL counters wrap after
 *     {@code max_energy_range_uj}, which at server power takes tens of minutes, so anything up to
 *     a minute is safe
 * @param ramWattsPerGib RAM power model in watts per GiB resident (default 0.375: Crucial's rule of
 *     thumb of 3 W per 8 GB of DDR3/DDR4, "How much power does memory use?", the figure CodeCarbon
 *     also uses)
 * @param cpuTdpWatts TDP per CPU socket to use instead of the table lookup (empty: look the model up)
 * @param defaultCpuTdpWatts TDP per socket when the CPU model is not in the table (default 85 W,
 *     CodeCarbon's fallback constant)
 * @param cpuIdleFraction the TDP model's host power with every CPU idle, as a fraction of TDP
 *     (default 0.21: Cloud Carbon Footprint's SPECpower_ssj2008 averages, 0.74 W idle and 3.5 W at
 *     full load per vCPU); RAPL hosts measure it instead
 * @param sysfsRoot where sysfs is mounted ({@code /sys}); tests point it at a fake tree
 * @param procfsRoot where procfs is mounted ({@code /proc}); tests point it at a fake tree
 * @param nvmlLibrary NVML shared library name handed to JNA (default {@code libnvidia-ml.so.1},
 *     the runtime name the driver installs, not the development symlink)
 */
public record MeterSettings(
        Duration sampleInterval,
        double ramWattsPerGib,
        OptionalDouble cpuTdpWatts,
        double defaultCpuTdpWatts,
        double cpuIdleFraction,
        Path sysfsRoot,
        Path procfsRoot,
        String nvmlLibrary) {

    /** Crucial's 3 W per 8 GB of DDR3/DDR4. */
    public static final double CRUCIAL_WATTS_PER_GIB = 3.0 / 8.0;

    /** CodeCarbon's TDP when a CPU model is unknown. */
    public static final double FALLBACK_TDP_WATTS = 85.0;

    /** Idle over full-load power of Cloud Carbon Footprint's SPECpower averages: 0.74 W / 3.5 W per vCPU. */
    public static final double SPECPOWER_IDLE_FRACTION = 0.21;

    public MeterSettings {
        Objects.requireNonNull(sampleInterval, "sampleInterval");
        Objects.requireNonNull(cpuTdpWatts, "cpuTdpWatts");
        Objects.requireNonNull(sysfsRoot, "sysfsRoot");
        Objects.requireNonNull(procfsRoot, "procfsRoot");
        Objects.requireNonNull(nvmlLibrary, "nvmlLibrary");
        if (sampleInterval.isNegative() || sampleInterval.isZero()) {
            throw MeterException.invalidSetting("sampleInterval", sampleInterval, "a positive duration");
        }
        if (!(ramWattsPerGib >= 0) || Double.isInfinite(ramWattsPerGib)) {
            throw MeterException.invalidSetting("ramWattsPerGib", ramWattsPerGib, "a finite number >= 0");
        }
        if (cpuTdpWatts.isPresent() && !(cpuTdpWatts.getAsDouble() > 0)) {
            throw MeterException.invalidSetting("cpuTdpWatts", cpuTdpWatts.getAsDouble(), "watts > 0");
        }
        if (!(defaultCpuTdpWatts > 0)) {
            throw MeterException.invalidSetting("defaultCpuTdpWatts", defaultCpuTdpWatts, "watts > 0");
        }
        if (!(cpuIdleFraction >= 0 && cpuIdleFraction <= 1)) {
            throw MeterException.invalidSetting("cpuIdleFraction", cpuIdleFraction, "a fraction of TDP in [0, 1]");
        }
    }

    /** Reads {@code ftenergy.meter}; problems are collected in {@code in}. */
    public static MeterSettings read(ftenergy.config.ConfigReader in) {
        double tdp = in.optionalDoubleIn("ftenergy.meter.cpu-tdp-watts", 1, 2000);
        // out of range is already a problem in `in`; a valid stand-in lets the remaining keys be checked too
        double idle = Math.max(0, Math.min(1, in.doubleIn("ftenergy.meter.cpu-idle-fraction", 0, 1)));
        return new MeterSettings(
                in.positiveDuration("ftenergy.meter.sample-interval"),
                in.doubleIn("ftenergy.meter.ram-watts-per-gib", 0, 100),
                Double.isNaN(tdp) ? OptionalDouble.empty() : OptionalDouble.of(tdp),
                in.doubleIn("ftenergy.meter.default-cpu-tdp-watts", 1, 2000),
                idle,
                Path.of("/sys"),
                Path.of("/proc"),
                in.string("ftenergy.meter.nvml-library"));
    }

    /**
     * 1 s sampling, Crucial's RAM model, TDP from the table (85 W if unknown) idling at 0.21 of it,
     * the host's sysfs and procfs.
     */
    public static MeterSettings defaults() {
        return new MeterSettings(Duration.ofSeconds(1), CRUCIAL_WATTS_PER_GIB, OptionalDouble.empty(),
                FALLBACK_TDP_WATTS, SPECPOWER_IDLE_FRACTION, Path.of("/sys"), Path.of("/proc"), "libnvidia-ml.so.1");
    }

    /** A copy sampling every {@code interval}. */
    public MeterSettings withSampleInterval(Duration interval) {
        return new MeterSettings(interval, ramWattsPerGib, cpuTdpWatts, defaultCpuTdpWatts, cpuIdleFraction, sysfsRoot, procfsRoot, nvmlLibrary);
    }

    /** A copy that uses {@code watts} per socket as the CPU's TDP instead of looking the model up. */
    public MeterSettings withCpuTdpWatts(double watts) {
        return new MeterSettings(sampleInterval, ramWattsPerGib, OptionalDouble.of(watts), defaultCpuTdpWatts, cpuIdleFraction, sysfsRoot, procfsRoot, nvmlLibrary);
    }

    /** A copy reading sysfs and procfs under other roots (fake trees in tests). */
    public MeterSettings withRoots(Path sysfs, Path procfs) {
        return new MeterSettings(sampleInterval, ramWattsPerGib, cpuTdpWatts, defaultCpuTdpWatts, cpuIdleFraction, sysfs, procfs, nvmlLibrary);
    }
}
