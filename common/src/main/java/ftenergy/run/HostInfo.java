package ftenergy.run;

import ftenergy.meter.GpuDescription;
import ftenergy.meter.HostDescription;
import java.io.Serializable;
import java.util.List;

/**
 * Where a run executed.
 *
 * @param host host name of the executor
 * @param cpuModel CPU model string ({@code /proc/cpuinfo} "model name")
 * @param gpuModel GPU model, or {@code none}
 * @param gpuIds GPU addresses the run owned (Spark resource addresses)
 * @param cpuThreads PyTorch intra-op threads the run computed with; 0 when unknown (it never started)
 * @param gpuUuids the physical GPUs metered, by NVML UUID, in {@code gpuIds} order ({@code unknown} where NVML
 *     could not tell); empty for a CPU run
 */
public record HostInfo(String host, String cpuModel, String gpuModel, List<String> gpuIds, int cpuThreads,
        List<String> gpuUuids) implements Serializable {

    public HostInfo {
        gpuIds = List.copyOf(gpuIds);
        gpuUuids = List.copyOf(gpuUuids);
    }

    /** A host whose GPUs' UUIDs are not known. */
    public HostInfo(String host, String cpuModel, String gpuModel, List<String> gpuIds, int cpuThreads) {
        this(host, cpuModel, gpuModel, gpuIds, cpuThreads, gpuIds.stream().map(id -> UNKNOWN).toList());
    }

    /** Stands for a GPU UUID NVML could not tell. */
    public static final String UNKNOWN = "unknown";

    /**
     * The {@code runs}-table view of the host a meter describes: the run's GPU addresses as its GPU ids.
     *
     * @param cpuThreads the CPU threads the run's work used (PyTorch's intra-op threads)
     */
    public static HostInfo of(HostDescription host, int cpuThreads) {
        return new HostInfo(host.hostName(), host.cpuModel(), host.gpuModel(),
                host.gpus().stream().map(GpuDescription::address).toList(), cpuThreads,
                host.gpus().stream().map(g -> g.uuid() == null ? UNKNOWN : g.uuid()).toList());
    }

    /** Devices the run trained on: its GPUs, or 1 for a CPU run. */
    public int deviceCount() {
        return gpuIds.isEmpty() ? 1 : gpuIds.size();
    }

    /** The hardware label analyses group by: the GPU model, or the CPU model for CPU runs. */
    public String hardware() {
        return gpuIds.isEmpty() ? cpuModel : gpuModel;
    }
}
