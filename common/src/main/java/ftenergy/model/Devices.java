package ftenergy.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ftenergy.meter.CudaOrdinals;
import java.util.ArrayList;
import java.util.List;

/** The DJL devices of a run or an inference task, from the GPU addresses Spark assigned it. */
public final class Devices {

    private Devices() {}

    /**
     * Spark's GPU addresses (NVML indices or UUIDs) to the CUDA devices they are in this process
     * ({@link CudaOrdinals}): under {@code CUDA_VISIBLE_DEVICES=2,3}, {@code ["3"]} is GPU 1; no
     * address to the CPU.
     *
     * @throws ftenergy.gpu.GpuAddressException when an address has no certain CUDA device (not in
     *     {@code CUDA_VISIBLE_DEVICES}, or {@code CUDA_DEVICE_ORDER} is not {@code PCI_BUS_ID})
     * @throws IllegalArgumentException when the engine cannot see that device (a CPU-only libtorch)
     */
    public static List<Device> of(List<String> gpuAddresses) {
        if (gpuAddresses.isEmpty()) {
            return List.of(Device.cpu());
        }
        List<Integer> ordinals = CudaOrdinals.of(gpuAddresses);
        int visible = Engine.getInstance().getGpuCount();
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < ordinals.size(); i++) {
            int ordinal = ordinals.get(i);
            if (ordinal >= visible) {
                throw new IllegalArgumentException("GPU address '" + gpuAddresses.get(i) + "' is CUDA device " + ordinal
                        + " of this process, but " + Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion()
                        + " sees " + visible + " GPU(s); is a CUDA build of libtorch on PYTORCH_LIBRARY_PATH?");
            }
            devices.add(Device.gpu(ordinal));
        }
        return devices;
    }
}
