package ftenergy.meter;

/**
 * One GPU of the run, as NVML names it (or {@link #unread} where NVML could not).
 *
 * @param address the address the run was given (a Spark resource address: an NVML index or a UUID)
 * @param name product name, e.g. {@code NVIDIA A100-SXM4-40GB}
 * @param uuid NVML UUID, e.g. {@code GPU-5c3b...}
 * @param powerLimitWatts enforced power-management limit, or NaN where NVML does not report it
 * @param energyCounter whether the device has NVML's total-energy counter (Volta and newer)
 */
public record GpuDescription(String address, String name, String uuid, double powerLimitWatts, boolean energyCounter) {

    /** The product name of a GPU the meter could not read: NVML absent or unusable. */
    public static final String UNREAD = "unknown GPU (NVML unavailable)";

    /** A GPU the run was given but NVML could not describe: its address, nothing more. */
    public static GpuDescription unread(String address) {
        return new GpuDescription(address, UNREAD, null, Double.NaN, false);
    }
}
