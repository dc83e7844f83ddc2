package ftenergy.meter.internal;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import ftenergy.gpu.CudaEnvironment;
import ftenergy.gpu.GpuAddressException;
import ftenergy.gpu.GpuAddressMap;
import ftenergy.gpu.GpuIdentity;
import ftenergy.gpu.PhysicalGpu;
import ftenergy.meter.GpuDescription;
import ftenergy.meter.MeterException;
import ftenergy.meter.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The run's GPUs through NVML: the total-energy counter where the device has one (Volta and newer),
 * otherwise power readings integrated with the trapezoid rule between samples. A GPU belongs to
 * one run, so its energy is not shared out; for the same reason a MIG instance, which shares its
 * GPU's one counter with other instances, is refused ({@link MeterException#migInstance}).
 */
public final class NvmlGpuSource implements EnergySource {
    private final NvmlLibrary nvml;
    private final List<Device> devices;
    private final MeterNotes notes;
    private final String driverVersion;
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

    private NvmlGpuSource(NvmlLibrary nvml, List<Device> devices, MeterNotes notes, String driverVersion) {
        this.driverVersion = driverVersion;
        this.nvml = nvml;
        this.devices = devices;
        this.notes = notes;
    }

    /**
     * Initialises NVML and opens each address (an NVML index such as {@code 0}, or a UUID such as
     * {@code GPU-...}) through {@link GpuAddressMap}, which also tells its UUID and its CUDA ordinal
     * under {@code env}. Fails with {@link MeterException} naming the device when an address is not
     * there, is a MIG instance or a GPU in MIG mode (or {@code CUDA_VISIBLE_DEVICES} names MIG
     * instances), or can be read neither by counter nor by power: the run owns that GPU, so leaving
     * it out would silently drop most of its energy. A GPU CUDA does not see is metered, with a
     * note. NVML is shut down again on failure.
     */
    public static NvmlGpuSource open(NvmlLibrary nvml, List<String> addresses, CudaEnvironment env, MeterNotes notes) {
        check(nvml, nvml.nvmlInit_v2(), "nvmlInit_v2");
        try {
            if (!env.migEntries().isEmpty()) {
                throw MeterException.migInstance(env.migEntries().get(0), CudaEnvironment.VISIBLE_DEVICES + "="
                        + env.visibleDevices() + " gives this process MIG instances");
            }
            List<PhysicalGpu> inventory = NvmlInventory.read(nvml);
            GpuAddressMap map = GpuAddressMap.of(inventory, env);
            List<Device> devices = new ArrayList<>();
            for (String address : addresses) {
                devices.add(openDevice(nvml, map, inventory.size(), address, notes));
            }
            return new NvmlGpuSource(nvml, devices, notes, driverVersion(nvml));
        } catch (RuntimeException e) {
            nvml.nvmlShutdown();
            throw e;
        }
    }

    /**
     * The addresses of every GPU NVML sees ({@code 0..n-1}) but those in MIG mode, which are noted;
     * NVML must be loadable.
     */
    public static List<String> allAddresses(NvmlLibrary nvml, MeterNotes notes) {
        check(nvml, nvml.nvmlInit_v2(), "nvmlInit_v2");
        try {
            List<String> addresses = new ArrayList<>();
            for (PhysicalGpu gpu : NvmlInventory.read(nvml)) {
                if (gpu.migEnabled()) {
                    notes.warn("GPU " + gpu.nvmlIndex() + " (" + gpu.uuid() + ") is in MIG mode: its MIG instances share one"
                            + " energy counter, so runs on them cannot be metered; left out");
                } else {
                    addresses.add(Integer.toString(gpu.nvmlIndex()));
                }
            }
            return addresses;
        } finally {
            nvml.nvmlShutdown();
        }
    }

    private static Device openDevice(NvmlLibrary nvml, GpuAddressMap map, int gpuCount, String address, MeterNotes notes) {
        GpuIdentity identity;
        try {
            identity = map.identify(address);
        } catch (GpuAddressException e) {
            throw MeterException.gpuNotFound(address, gpuCount, e.reason());
        }
        if (identity.mig()) {
            throw MeterException.migInstance(address, identity.nvmlIndex() < 0 ? "a MIG instance"
                    : "GPU " + identity.nvmlIndex() + " (" + identity.uuid() + ") is in MIG mode");
        }
        if (!identity.cudaVisible()) {
            notes.warn("GPU " + address + " (" + identity.uuid() + ") is metered but is no CUDA device of this process: "
                    + map.whyNoCudaOrdinal(address).orElseThrow());
        }
        PointerByReference ref = new PointerByReference();
        int rc = nvml.nvmlDeviceGetHandleByIndex_v2(identity.nvmlIndex(), ref);
        if (rc != NvmlLibrary.SUCCESS) {
            throw MeterException.gpuNotFound(address, gpuCount, nvml.nvmlErrorString(rc));
        }
        Pointer handle = ref.getValue();
        String name = Objects.requireNonNullElse(string((b, n) -> nvml.nvmlDeviceGetName(handle, b, n)), "unknown-name");
        IntByReference limit = new IntByReference();
        double limitWatts = nvml.nvmlDeviceGetPowerManagementLimit(handle, limit) == NvmlLibrary.SUCCESS
                ? Integer.toUnsignedLong(limit.getValue()) / 1000.0
                : Double.NaN;
        LongByReference energy = new LongByReference();
        int energyRc = nvml.nvmlDeviceGetTotalEnergyConsumption(handle, energy);
        if (energyRc == NvmlLibrary.SUCCESS) {
            return new Device(new GpuDescription(identity, name, limitWatts, true), handle, energy.getValue(), 0);
        }
        notes.info("GPU " + address + " (" + name + "): no NVML energy counter (" + nvml.nvmlErrorString(energyRc)
                + "); integrating power readings instead");
        IntByReference power = new IntByReference();
        int powerRc = nvml.nvmlDeviceGetPowerUsage(handle, power);
        if (powerRc != NvmlLibrary.SUCCESS) {
            throw MeterException.gpuNotFound(address, gpuCount,
                    "neither energy counter nor power reading available (" + nvml.nvmlErrorString(powerRc) + ")");
        }
        return new Device(new GpuDescription(identity, name, limitWatts, false), handle, 0,
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

    /** The NVIDIA driver's version, or null where NVML does not tell. */
    public String driverVersion() {
        return driverVersion;
    }

    private static String driverVersion(NvmlLibrary nvml) {
        byte[] version = new byte[NvmlLibrary.STRING_BUFFER];
        if (nvml.nvmlSystemGetDriverVersion(version, version.length) != NvmlLibrary.SUCCESS) {
            return null;
        }
        int end = 0;
        while (end < version.length && version[end] != 0) {
            end++;
        }
        return new String(version, 0, end, java.nio.charset.StandardCharsets.US_ASCII);
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
            parts.add("GPU " + g.address() + " " + g.name() + " " + g.uuid() + ", PCI " + g.identity().pciBusId() + ", "
                    + (g.identity().cudaVisible() ? "CUDA device " + g.cudaOrdinal() : "no CUDA device") + ", limit "
                    + g.powerLimitWatts() + " W, " + (g.energyCounter() ? "energy counter" : "power integration"));
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

    /** An NVML call that fills a string buffer. */
    interface StringCall {
        int call(byte[] buffer, int length);
    }

    /** A NUL-terminated string NVML writes into a buffer, or {@code null} where the call fails. */
    static String string(StringCall call) {
        byte[] buffer = new byte[NvmlLibrary.STRING_BUFFER];
        int rc = call.call(buffer, buffer.length);
        return rc == NvmlLibrary.SUCCESS ? Native.toString(buffer) : null;
    }

    private static void check(NvmlLibrary nvml, int rc, String function) {
        if (rc != NvmlLibrary.SUCCESS) {
            throw new NvmlUnavailableException(function + " failed: " + nvml.nvmlErrorString(rc) + " (code " + rc + ")");
        }
    }
}
