package ftenergy.meter;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Energy of one meter window, per component, with how each component was obtained.
 *
 * <p>All joules are attributed to this process: CPU and RAM are its share of the host, GPUs are
 * the run's own devices in full.
 *
 * @param window the window key
 * @param startedAt wall-clock start of the window
 * @param endedAt wall-clock end of the window
 * @param durationSeconds monotonic-clock length of the window
 * @param cpuJoules CPU energy attributed to this process
 * @param gpuJoulesByDevice energy of each of the run's GPUs, keyed by device name {@code gpu-<address>}
 *     (the {@code device} of its power samples), in the order the addresses were given
 * @param ramJoules memory energy attributed to this process
 * @param cpuProvenance how {@link #cpuJoules} was obtained
 * @param gpuProvenance how the GPU joules were obtained (the weakest over the devices)
 * @param ramProvenance how {@link #ramJoules} was obtained
 */
public record Measurement(
        String window,
        Instant startedAt,
        Instant endedAt,
        double durationSeconds,
        double cpuJoules,
        Map<String, Double> gpuJoulesByDevice,
        double ramJoules,
        Provenance cpuProvenance,
        Provenance gpuProvenance,
        Provenance ramProvenance)
        implements Serializable {

    public Measurement {
        gpuJoulesByDevice = Collections.unmodifiableMap(new LinkedHashMap<>(gpuJoulesByDevice));
    }

    /** Energy of all the run's GPUs. */
    public double gpuJoules() {
        return gpuJoulesByDevice.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Software energy: CPU + GPU + RAM. */
    public double totalJoules() {
        return cpuJoules + gpuJoules() + ramJoules;
    }

    /** Mean power over the window (0 for an empty window). */
    public double meanWatts() {
        return durationSeconds > 0 ? totalJoules() / durationSeconds : 0;
    }

    /** Provenance labels by component ({@code cpu}, {@code gpu}, {@code ram}), as the {@code runs} table stores them. */
    public Map<String, String> provenance() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("cpu", cpuProvenance.label());
        labels.put("gpu", gpuProvenance.label());
        labels.put("ram", ramProvenance.label());
        return labels;
    }
}
