package ftenergy.meter.internal;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import ftenergy.meter.GpuDescription;
import ftenergy.meter.MeterException;
import ftenergy.meter.Provenance;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's GPUs through NVML: the total-energy counter where the device has one (Volta and newer),
 * otherwise power readings integrated with the trapezoid rule between samples. A GPU belongs to
 * one run, so its energy is not shared out.
 */
public final class NvmlGpuSource implements EnergySource {
    private final NvmlLibrary nvml;
    private final List<Device> devices;
    private final MeterNotes notes;
    private final LongByReference energyRef = new LongByReference();
    private final IntByReference powerRef = new IntByReference();

    private static final class Device {
        final GpuDescription description;
        final Pointer handle;
        final long baseMillijoules;
        double joules;
        double lastWatts;

        Device(GpuDescription description, Pointer handle, long baseMillijoules, double watts) {
            this.description = description;
            this.handle = handle;
            this.baseMillijoules = baseMillijoules;
            this.lastWatts = watts;
        }
    }

    private NvmlGpuSource(NvmlLibrary nvml, List<Device> devices, MeterNotes notes) {
        this.nvml = nvml;
        this.devices = devices;
        this.notes = notes;
    }

    /**
     * Initialises NVML and opens each address (an NVML index such as {@code 0}, or a UUID such as
     * {@code GPU-...}). Fails with {@link MeterException} naming the device when an address is not
     * there or can be read neither by counter nor by power: the run owns that GPU, so leaving it
     * out would silently drop most of its energy. NVML is shut down again on failure.
     */
    public static NvmlGpuSource open(NvmlLibrary nvml, List<String> addresses, MeterNotes notes) {
        check(nvml, nvml.nvmlInit_v2(), "nvmlInit_v2");
        try {
            List<Device> devices = new ArrayList<>();
            for (String address : addresses) {
                devices.add(openDevice(nvml, address, notes));
            }
            return new NvmlGpuSource(nvml, devices, notes);
        } catch (RuntimeException e) {
            nvml.nvmlShutdown();
            throw e;
        }
    }

    /** The addresses of every GPU NVML sees ({@code 0..n-1}); NVML must be loadable. */
    public static List<String> allAddresses(NvmlLibrary nvml) {
        check(nvml, nvml.nvmlInit_v2(), "nvmlInit_v2");
        try {
            IntByReference count = new IntByReference();
            check(nvml, nvml.nvmlDeviceGetCount_v2(count), "nvmlDeviceGetCount_v2");
            List<String> addresses = new ArrayList<>();
            for (int i = 0; i < count.getValue(); i++) {
                addresses.add(Integer.toString(i));
            }
            return addresses;
        } finally {
            nvml.nvmlShutdown();
        }
    }

    private static Device openDevice(NvmlLibrary nvml, String address, MeterNotes notes) {
        PointerByReference ref = new PointerByReference();
        int rc;
        if (address.matches("\\d+")) {
            rc = nvml.nvmlDeviceGetHandleByIndex_v2(Integer.parseInt(address), ref);
        } else if (address.startsWith("GPU-") || address.startsWith("MIG-")) {
            rc = nvml.nvmlDeviceGetHandleByUUID(address, ref);
        } else {
            throw MeterException.gpuNotFound(address, deviceCount(nvml), "not an NVML index or UUID");
        }
        if (rc != NvmlLibrary.SUCCESS) {
            throw MeterException.gpuNotFound(address, deviceCount(nvml), nvml.nvmlErrorString(rc));
        }
        Pointer handle = ref.getValue();
        String name = string("name", (b, n) -> nvml.nvmlDeviceGetName(handle, b, n));
        String uuid = string("UUID", (b, n) -> nvml.nvmlDeviceGetUUID(handle, b, n));
        IntByReference limit = new IntByReference();
        double limitWatts = nvml.nvmlDeviceGetPowerManagementLimit(handle, limit) == NvmlLibrary.SUCCESS
                ? Integer.toUnsignedLong(limit.getValue()) / 1000.0
                : Double.NaN;
        LongByReference energy = new LongByReference();
        int energyRc = nvml.nvmlDeviceGetTotalEnergyConsumption(handle, energy);
        if (energyRc == NvmlLibrary.SUCCESS) {
            return new Device(new GpuDescription(address, name, uuid, limitWatts, true), handle, energy.getValue(), 0);
        }
        notes.info("GPU " + address + " (" + name + "): no NVML energy counter (" + nvml.nvmlErrorString(energyRc)
                + "); integrating power readings instead");
        IntByReference power = new IntByReference();
        int powerRc = nvml.nvmlDeviceGetPowerUsage(handle, power);
        if (powerRc != NvmlLibrary.SUCCESS) {
            throw MeterException.gpuNotFound(address, deviceCount(nvml),
                    "neither energy counter nor power reading available (" + nvml.nvmlErrorString(powerRc) + ")");
        }
        return new Device(new GpuDescription(address, name, uuid, limitWatts, false), handle, 0,
                Integer.toUnsignedLong(power.getValue()) / 1000.0);
    }

    @Override
    public String component() {
        return "gpu";
    }

    @Override
    public Provenance provenance() {
        return devices.stream().allMatch(d -> d.description.energyCounter()) ? Provenance.MEASURED_NVML : Provenance.ESTIMATED_NVML_POWER;
    }

    @Override
    public List<String> devices() {
        return devices.stream().map(d -> "gpu-" + d.description.address()).toList();
    }

    /** What NVML says about each device, in address order. */
    public List<GpuDescription> descriptions() {
        return devices.stream().map(d -> d.description).toList();
    }

    @Override
    public String description() {
        List<String> parts = new ArrayList<>();
        for (Device d : devices) {
            GpuDescription g = d.description;
            parts.add("GPU " + g.address() + " " + g.name() + " " + g.uuid() + ", limit " + g.powerLimitWatts() + " W, "
                    + (g.energyCounter() ? "energy counter" : "power integration"));
        }
        return "NVML: " + String.join("; ", parts);
    }

    @Override
    public double[] advance(Interval interval) {
        double[] joules = new double[devices.size()];
        for (int i = 0; i < devices.size(); i++) {
            Device d = devices.get(i);
            if (d.description.energyCounter()) {
                int rc = nvml.nvmlDeviceGetTotalEnergyConsumption(d.handle, energyRef);
                if (rc == NvmlLibrary.SUCCESS) {
                    d.joules = (energyRef.getValue() - d.baseMillijoules) / 1000.0;
                } else {
                    notes.warn(readFailure(d, "nvmlDeviceGetTotalEnergyConsumption", rc));
                }
            } else {
                int rc = nvml.nvmlDeviceGetPowerUsage(d.handle, powerRef);
                if (rc == NvmlLibrary.SUCCESS) {
                    double watts = Integer.toUnsignedLong(powerRef.getValue()) / 1000.0;
                    d.joules += (d.lastWatts + watts) / 2 * interval.seconds();
                    d.lastWatts = watts;
                } else {
                    notes.warn(readFailure(d, "nvmlDeviceGetPowerUsage", rc));
                }
            }
            joules[i] = d.joules;
        }
        return joules;
    }

    @Override
    public void close() {
        nvml.nvmlShutdown();
    }

    private String readFailure(Device d, String function, int rc) {
        return "GPU " + d.description.address() + ": " + function + " failed (" + nvml.nvmlErrorString(rc)
                + "); energy of the failed intervals is missing";
    }

    private interface StringCall {
        int call(byte[] buffer, int length);
    }

    private static String string(String what, StringCall call) {
        byte[] buffer = new byte[NvmlLibrary.STRING_BUFFER];
        int rc = call.call(buffer, buffer.length);
        return rc == NvmlLibrary.SUCCESS ? Native.toString(buffer) : "unknown-" + what;
    }

    private static int deviceCount(NvmlLibrary nvml) {
        IntByReference count = new IntByReference();
        return nvml.nvmlDeviceGetCount_v2(count) == NvmlLibrary.SUCCESS ? count.getValue() : 0;
    }

    private static void check(NvmlLibrary nvml, int rc, String function) {
        if (rc != NvmlLibrary.SUCCESS) {
            throw new NvmlUnavailableException(function + " failed: " + nvml.nvmlErrorString(rc) + " (code " + rc + ")");
        }
    }
}
