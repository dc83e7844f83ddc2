package ftenergy.gpu;

import java.io.Serializable;

/**
 * Which physical GPU a Spark GPU address is, by every name it goes by, so a run's row can say which
 * GPU was metered and which CUDA device trained.
 *
 * @param address the address Spark gave the task: an NVML index or a UUID
 * @param nvmlIndex NVML's index; -1 where unknown (a MIG instance, or a UUID without NVML)
 * @param uuid {@code GPU-...} or {@code MIG-...}; {@code null} where unknown (no NVML)
 * @param pciBusId PCI bus id ({@link PhysicalGpu#pciBusId}); {@code null} where unknown
 * @param cudaOrdinal the device number CUDA, libtorch and DJL's {@code Device.gpu(n)} give it in this
 *     process; -1 where it is not visible to CUDA or cannot be told ({@link GpuAddressMap#cudaOrdinal}
 *     says why)
 * @param mig whether it is a MIG instance or a GPU in MIG mode
 */
public record GpuIdentity(String address, int nvmlIndex, String uuid, String pciBusId, int cudaOrdinal, boolean mig)
        implements Serializable {

    /** A GPU known by its address alone. */
    public static GpuIdentity addressOnly(String address) {
        return new GpuIdentity(address, -1, null, null, -1, false);
    }

    /** Whether this process's CUDA sees it, at {@link #cudaOrdinal}. */
    public boolean cudaVisible() {
        return cudaOrdinal >= 0;
    }
}
