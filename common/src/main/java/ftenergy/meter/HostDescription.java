package ftenergy.meter;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The machine the meter runs on, as far as it could tell.
 *
 * @param hostName kernel host name
 * @param cpuModel {@code /proc/cpuinfo} "model name" of the first CPU, or {@code unknown}
 * @param cpuSockets physical packages (distinct "physical id"s, at least 1)
 * @param logicalCpus logical CPUs the kernel lists
 * @param cpuTdpWatts TDP per socket the CPU model resolves to (table, override or default)
 * @param cpuTdpSource where {@link #cpuTdpWatts} came from
 * @param gpus the run's GPUs, in the order given to the meter
 * @param gpuDriver the NVIDIA driver's version, or {@code null} without a readable GPU
 */
public record HostDescription(
        String hostName,
        String cpuModel,
        int cpuSockets,
        int logicalCpus,
        double cpuTdpWatts,
        String cpuTdpSource,
        List<GpuDescription> gpus,
        String gpuDriver) {

    public HostDescription {
        gpus = List.copyOf(gpus);
    }

    /** Distinct GPU product names joined with {@code +}, or {@code none}. */
    public String gpuModel() {
        return gpus.isEmpty() ? "none" : gpus.stream().map(GpuDescription::name).distinct().collect(Collectors.joining("+"));
    }
}
