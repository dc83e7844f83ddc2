package ftenergy.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;

/** The DJL devices of a run or an inference task, from the GPU addresses Spark assigned it. */
public final class Devices {

    private Devices() {}

    /**
     * {@code ["0", "1"]} to GPUs 0 and 1; no address to the CPU. Fails when the engine cannot see
     * an address (a CPU-only libtorch, or an address outside {@code CUDA_VISIBLE_DEVICES}).
     */
    public static List<Device> of(List<String> gpuAddresses) {
        if (gpuAddresses.isEmpty()) {
            return List.of(Device.cpu());
        }
        int visible = Engine.getInstance().getGpuCount();
        List<Device> devices = new ArrayList<>();
        for (String address : gpuAddresses) {
            int ordinal;
            try {
                ordinal = Integer.parseInt(address.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("GPU address '" + address + "' is not a device ordinal", e);
            }
            if (ordinal < 0 || ordinal >= visible) {
                throw new IllegalArgumentException("GPU " + ordinal + " is not visible to "
                        + Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion() + ", which sees "
                        + visible + " GPU(s); is a CUDA build of libtorch on PYTORCH_LIBRARY_PATH?");
            }
            devices.add(Device.gpu(ordinal));
        }
        return devices;
    }
}
