package ftenergy.meter;

import ftenergy.gpu.CudaEnvironment;
import ftenergy.meter.internal.MeterClock;
import ftenergy.meter.internal.MeterNotes;
import ftenergy.meter.internal.NvmlLoader;
import ftenergy.meter.internal.SourceDiscovery;
import ftenergy.meter.internal.TextFiles;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ftenergy meter probe}: which energy sources this host offers, why the others are not
 * used, and a reading of each component over a short window, so a user knows what the numbers in
 * the tables will mean before running a sweep.
 */
public final class MeterProbe {
    private MeterProbe() {}

    /**
     * Opens the meter on every GPU NVML sees, prints the host, the sources and the reasons for
     * what is missing, then meters {@code reading} of this (idle) process and prints it.
     *
     * @return the reading
     */
    public static Measurement run(PrintStream out, MeterSettings settings, Duration reading) throws InterruptedException {
        return run(out, settings, reading, TextFiles.local(), NvmlLoader.jna(), CudaEnvironment.current(), MeterClock.system());
    }

    static Measurement run(PrintStream out, MeterSettings settings, Duration reading, TextFiles files, NvmlLoader nvml,
            CudaEnvironment cuda, MeterClock clock) throws InterruptedException {
        MeterNotes gpuNotes = new MeterNotes();
        List<String> gpus = new SourceDiscovery(settings, files, nvml, cuda, gpuNotes).allGpuAddresses();
        try (EnergyMeter meter = EnergyMeter.open(settings, gpus, files, nvml, cuda, clock, true)) {
            HostDescription h = meter.host();
            out.printf(Locale.ROOT, "host        %s%n", h.hostName());
            out.printf(Locale.ROOT, "cpu         %s (%d socket(s), %d logical CPUs), TDP %.0f W per socket: %s%n",
                    h.cpuModel(), h.cpuSockets(), h.logicalCpus(), h.cpuTdpWatts(), h.cpuTdpSource());
            out.printf(Locale.ROOT, "gpus        %s%n", gpus.isEmpty() ? "none visible to NVML" : h.gpuModel());
            out.println();
            out.println("sources in use:");
            meter.sourceDescriptions().forEach(line -> out.println("  " + line));
            meter.provenance().forEach((component, label) -> {
                if (label.equals(Provenance.ABSENT.label())) {
                    out.println("  " + component + ": absent (counted as 0 J)");
                }
            });
            List<String> why = new ArrayList<>(gpuNotes.all());
            why.addAll(meter.notes());
            out.println();
            out.println("why not better sources:");
            why.stream().distinct().forEach(note -> out.println("  - " + note));
            out.println();
            out.println(summary(meter.provenance()));
            out.println();
            out.printf(Locale.ROOT, "reading over %.1f s (this process, mostly idle):%n", reading.toMillis() / 1000.0);
            meter.begin("probe");
            Thread.sleep(reading.toMillis());
            Measurement m = meter.end("probe");
            out.printf(Locale.ROOT, "  cpu  %10.3f J  %8.3f W  %s%n", m.cpuJoules(), watts(m.cpuJoules(), m), m.cpuProvenance().label());
            out.printf(Locale.ROOT, "  gpu  %10.3f J  %8.3f W  %s%n", m.gpuJoules(), watts(m.gpuJoules(), m), m.gpuProvenance().label());
            m.gpuJoulesByDevice().forEach((device, joules) ->
                    out.printf(Locale.ROOT, "    %-12s %10.3f J  %8.3f W%n", device, joules, watts(joules, m)));
            out.printf(Locale.ROOT, "  ram  %10.3f J  %8.3f W  %s%n", m.ramJoules(), watts(m.ramJoules(), m), m.ramProvenance().label());
            out.printf(Locale.ROOT, "  all  %10.3f J  %8.3f W%n", m.totalJoules(), m.meanWatts());
            return m;
        }
    }

    /** One sentence on what the numbers from this host will be. */
    static String summary(Map<String, String> provenance) {
        String cpu = provenance.get("cpu");
        String gpu = provenance.get("gpu");
        String ram = provenance.get("ram");
        List<String> parts = new ArrayList<>();
        parts.add(cpu.equals(Provenance.MEASURED_RAPL.label()) ? "CPU energy is measured (RAPL)"
                : cpu.equals(Provenance.ESTIMATED_TDP.label()) ? "no RAPL readable: CPU energy is an estimate (TDP model)"
                : "CPU energy is not counted");
        parts.add(gpu.equals(Provenance.MEASURED_NVML.label()) ? "GPU energy is measured (NVML energy counter)"
                : gpu.equals(Provenance.ESTIMATED_NVML_POWER.label()) ? "GPU energy is integrated from NVML power readings"
                : "no GPU: GPU energy is absent");
        parts.add(ram.equals(Provenance.MEASURED_RAPL.label()) ? "RAM energy is measured (RAPL dram)"
                : ram.equals(Provenance.ESTIMATED_RAM.label()) ? "RAM energy is an estimate (W/GiB × resident memory)"
                : "RAM energy is not counted");
        return "verdict: " + String.join("; ", parts) + ".";
    }

    private static double watts(double joules, Measurement m) {
        return m.durationSeconds() > 0 ? joules / m.durationSeconds() : 0;
    }
}
