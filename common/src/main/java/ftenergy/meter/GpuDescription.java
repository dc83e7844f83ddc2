package ftenergy.meter;

/**
 * One GPU the meter reads, as NVML names it.
 *
 * @param address the address the run was given (a Spark resource address: an NVML index or a UUID)
 * @param name product name, e.g. {@code NVIDIA A100-SXM4-40GB}
 * @param uuid NVML UUID, e.g. {@code GPU-5c3b...}
 * @param powerLimitWatts enforced power-management limit, or NaN where NVML does not report it
 * @param energyCounter whether the device has NVML's total-energy counter (Volta and newer)
 */
public record GpuDescription(String address, String name, String uuid, double powerLimitWatts, boolean energyCounter) {}
