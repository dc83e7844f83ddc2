package ftenergy.meter;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import ftenergy.meter.internal.NvmlLibrary;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An NVML with simulated devices whose power follows a {@link PowerCurve} on a {@link FakeClock}.
 * Handles are the device index + 1; a call with any other handle fails the test.
 */
public final class FakeNvml implements NvmlLibrary {

    /** A simulated GPU; {@code energyCounter} false models a pre-Volta device. */
    public record Gpu(String name, String uuid, int powerLimitMilliwatts, boolean energyCounter, PowerCurve curve) {}

    private final List<Gpu> gpus;
    private final FakeClock clock;
    private final long driverEnergyMillijoules;
    public int inits;
    public int shutdowns;
    public boolean failReads;

    public FakeNvml(FakeClock clock, Gpu... gpus) {
        this.clock = clock;
        this.gpus = List.of(gpus);
        // the counter runs since the driver loaded, long before the meter
        this.driverEnergyMillijoules = 123_456_789L;
    }

    @Override
    public int nvmlInit_v2() {
        inits++;
        return SUCCESS;
    }

    @Override
    public int nvmlShutdown() {
        shutdowns++;
        return SUCCESS;
    }

    @Override
    public String nvmlErrorString(int result) {
        return switch (result) {
            case ERROR_NOT_SUPPORTED -> "Not Supported";
            case ERROR_NOT_FOUND -> "Not Found";
            case 999 -> "Unknown Error";
            default -> "code " + result;
        };
    }

    @Override
    public int nvmlDeviceGetCount_v2(IntByReference deviceCount) {
        deviceCount.setValue(gpus.size());
        return SUCCESS;
    }

    @Override
    public int nvmlDeviceGetHandleByIndex_v2(int index, PointerByReference device) {
        if (index < 0 || index >= gpus.size()) {
            return ERROR_NOT_FOUND;
        }
        device.setValue(new Pointer(index + 1));
        return SUCCESS;
    }

    @Override
    public int nvmlDeviceGetHandleByUUID(String uuid, PointerByReference device) {
        for (int i = 0; i < gpus.size(); i++) {
            if (gpus.get(i).uuid().equals(uuid)) {
                device.setValue(new Pointer(i + 1));
                return SUCCESS;
            }
        }
        return ERROR_NOT_FOUND;
    }

    @Override
    public int nvmlDeviceGetName(Pointer device, byte[] name, int length) {
        return copy(gpu(device).name(), name, length);
    }

    @Override
    public int nvmlDeviceGetUUID(Pointer device, byte[] uuid, int length) {
        return copy(gpu(device).uuid(), uuid, length);
    }

    @Override
    public int nvmlDeviceGetPowerManagementLimit(Pointer device, IntByReference limitMilliwatts) {
        limitMilliwatts.setValue(gpu(device).powerLimitMilliwatts());
        return SUCCESS;
    }

    @Override
    public int nvmlDeviceGetPowerUsage(Pointer device, IntByReference powerMilliwatts) {
        if (failReads) {
            return 999;
        }
        powerMilliwatts.setValue((int) Math.round(gpu(device).curve().watts(clock.seconds()) * 1000));
        return SUCCESS;
    }

    @Override
    public int nvmlDeviceGetTotalEnergyConsumption(Pointer device, LongByReference energyMillijoules) {
        Gpu gpu = gpu(device);
        if (!gpu.energyCounter()) {
            return ERROR_NOT_SUPPORTED;
        }
        if (failReads) {
            return 999;
        }
        energyMillijoules.setValue(driverEnergyMillijoules + Math.round(gpu.curve().joules(clock.seconds()) * 1000));
        return SUCCESS;
    }

    private Gpu gpu(Pointer handle) {
        long index = Pointer.nativeValue(handle) - 1;
        if (index < 0 || index >= gpus.size()) {
            throw new AssertionError("NVML called with a handle it never handed out: " + handle);
        }
        return gpus.get((int) index);
    }

    private static int copy(String text, byte[] buffer, int length) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length + 1 > length) {
            throw new AssertionError("buffer of " + length + " too small for " + text);
        }
        System.arraycopy(bytes, 0, buffer, 0, bytes.length);
        buffer[bytes.length] = 0;
        return SUCCESS;
    }
}
