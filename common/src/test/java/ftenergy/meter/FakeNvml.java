package ftenergy.meter;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import ftenergy.meter.internal.NvmlLibrary;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An NVML with simulated devices whose power follows a {@link PowerCurve} on a {@link FakeClock}.
 * Devices sit on PCI buses 0x10, 0x20, ... in index order unless a test places them elsewhere.
 * Handles are the device index + 1; a call with any other handle fails the test.
 */
public final class FakeNvml implements NvmlLibrary {

    /**
     * A simulated GPU; {@code energyCounter} false models a pre-Volta device, {@code pciBus} -1
     * puts it on the bus of its index, {@code migMode} 1 is MIG mode on, -1 a GPU without MIG.
     */
    public record Gpu(String name, String uuid, int powerLimitMilliwatts, boolean energyCounter, PowerCurve curve, int pciBus,
            int migMode) {

        public Gpu(String name, String uuid, int powerLimitMilliwatts, boolean energyCounter, PowerCurve curve) {
            this(name, uuid, powerLimitMilliwatts, energyCounter, curve, -1, -1);
        }

        /** The same GPU on PCI bus {@code bus}. */
        public Gpu onBus(int bus) {
            return new Gpu(name, uuid, powerLimitMilliwatts, energyCounter, curve, bus, migMode);
        }

        /** The same GPU in MIG mode. */
        public Gpu inMigMode() {
            return new Gpu(name, uuid, powerLimitMilliwatts, energyCounter, curve, pciBus, 1);
        }
    }

    private final List<Gpu> gpus;
    private final FakeClock clock;
    private final long driverEnergyMillijoules;
    public int inits;
    public int shutdowns;
    public boolean failReads;
    /** Models a driver older than MIG, which lacks nvmlDeviceGetMigMode. */
    public boolean noMigSymbol;

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

    /** The driver version the fake reports. */
    public static final String DRIVER_VERSION = "550.54.15";

    @Override
    public int nvmlSystemGetDriverVersion(byte[] version, int length) {
        return copy(DRIVER_VERSION, version, length);
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

    @Override
    public int nvmlDeviceGetPciInfo_v3(Pointer device, byte[] pciInfo) {
        if (pciInfo.length != PCI_INFO_BYTES) {
            throw new AssertionError("nvmlPciInfo_t buffer of " + pciInfo.length + " bytes");
        }
        int index = (int) Pointer.nativeValue(device) - 1;
        Gpu gpu = gpu(device);
        int bus = gpu.pciBus() >= 0 ? gpu.pciBus() : 0x10 * (index + 1);
        ByteBuffer fields = ByteBuffer.wrap(pciInfo).order(ByteOrder.nativeOrder());
        fields.putInt(PCI_INFO_DOMAIN_OFFSET, 0).putInt(PCI_INFO_DOMAIN_OFFSET + 4, bus).putInt(PCI_INFO_DOMAIN_OFFSET + 8, 0);
        byte[] busId = String.format("%08X:%02X:00.0", 0, bus).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(busId, 0, pciInfo, 36, busId.length);
        return SUCCESS;
    }

    @Override
    public int nvmlDeviceGetMigMode(Pointer device, IntByReference currentMode, IntByReference pendingMode) {
        if (noMigSymbol) {
            throw new UnsatisfiedLinkError("Error looking up function 'nvmlDeviceGetMigMode'");
        }
        Gpu gpu = gpu(device);
        if (gpu.migMode() < 0) {
            return ERROR_NOT_SUPPORTED;
        }
        currentMode.setValue(gpu.migMode());
        pendingMode.setValue(gpu.migMode());
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
