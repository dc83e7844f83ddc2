package ftenergy.gpu;

/**
 * One GPU as NVML enumerates it: what the address map needs to tell which CUDA device it is.
 *
 * @param nvmlIndex NVML's index, the one {@code nvidia-smi} and Spark's discovery script print
 * @param uuid NVML's UUID ({@code GPU-5c3b...}), or {@code null} where NVML could not read it
 * @param pciBusId {@code domain:bus:device.function} in fixed-width lower-case hex
 *     ({@code 00000000:3b:00.0}), so text order is bus order; {@code null} where unread
 * @param migEnabled whether MIG mode is on: CUDA then sees the GPU's MIG instances, not the GPU
 */
public record PhysicalGpu(int nvmlIndex, String uuid, String pciBusId, boolean migEnabled) {

    /** The fixed-width bus id of a PCI domain, bus and device (function 0, as GPUs are). */
    public static String pciBusId(long domain, int bus, int device) {
        return String.format(java.util.Locale.ROOT, "%08x:%02x:%02x.0", domain, bus, device);
    }
}
