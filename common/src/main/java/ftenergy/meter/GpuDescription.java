package ftenergy.meter;

import ftenergy.gpu.GpuIdentity;

/**
 * One GPU of the run: which physical GPU it is, and what NVML says about it (or {@link #unread}
 * where NVML could not).
 *
 * @param identity its address, NVML index, UUID, PCI bus id and CUDA ordinal in this process
 * @param name product name, e.g. {@code NVIDIA A100-SXM4-40GB}
 * @param powerLimitWatts enforced power-management limit, or NaN where NVML does not report it
 * @param energyCounter whether the device has NVML's total-energy counter (Volta and newer)
 */
public record GpuDescription(GpuIdentity identity, String name, double powerLimitWatts, boolean energyCounter) {

    /** The product name of a GPU the meter could not read: NVML absent or unusable. */
    public static final String UNREAD = "unknown GPU (NVML unavailable)";

    /** A GPU the run was given but NVML could not describe: what its address tells, nothing more. */
    public static GpuDescription unread(GpuIdentity identity) {
        return new GpuDescription(identity, UNREAD, Double.NaN, false);
    }

    /** The address the run was given (a Spark resource address: an NVML index or a UUID). */
    public String address() {
        return identity.address();
    }

    /** NVML's UUID ({@code GPU-5c3b...}): the physical GPU that was metered; {@code null} where unknown. */
    public String uuid() {
        return identity.uuid();
    }

    /** The CUDA device number the run's engine used for it; -1 where CUDA does not see it or it cannot be told. */
    public int cudaOrdinal() {
        return identity.cudaOrdinal();
    }
}
