package ftenergy.meter.internal;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The few NVML functions the meter calls, mapped by JNA onto {@code libnvidia-ml.so.1}.
 *
 * <p>Every function returns an {@code nvmlReturn_t} ({@link #SUCCESS} or an error code) and writes
 * its result through the reference argument; {@code unsigned int} results arrive as Java ints and
 * must be read with {@link Integer#toUnsignedLong}. A device handle ({@code nvmlDevice_t}) is an
 * opaque pointer. Tests implement this interface with a fake device, so the reading code is the
 * real one.
 */
public interface NvmlLibrary extends Library {
    /** {@code NVML_SUCCESS}. */
    int SUCCESS = 0;
    /** {@code NVML_ERROR_NOT_SUPPORTED}: the device lacks the feature (e.g. the energy counter before Volta). */
    int ERROR_NOT_SUPPORTED = 3;
    /** {@code NVML_ERROR_NOT_FOUND}. */
    int ERROR_NOT_FOUND = 6;
    /** Buffer size for names and UUIDs ({@code NVML_DEVICE_NAME_V2_BUFFER_SIZE}). */
    int STRING_BUFFER = 96;
    /**
     * Bytes of {@code nvmlPciInfo_t} (v3): {@code char busIdLegacy[16]}, then {@code unsigned int}
     * domain, bus, device, pciDeviceId, pciSubSystemId (offsets 16 to 32), then {@code char busId[32]}.
     */
    int PCI_INFO_BYTES = 68;
    /** Offset of {@code domain} in {@code nvmlPciInfo_t}; {@code bus} and {@code device} follow, 4 bytes each. */
    int PCI_INFO_DOMAIN_OFFSET = 16;
    /** {@code NVML_DEVICE_MIG_ENABLE}: MIG mode is on. */
    int MIG_ENABLE = 1;

    /** Initialises NVML for this process; pairs with {@link #nvmlShutdown()}. */
    int nvmlInit_v2();

    /** Releases what {@link #nvmlInit_v2()} set up. */
    int nvmlShutdown();

    /** NVML's text for a return code. */
    String nvmlErrorString(int result);

    /** Number of devices NVML sees. */
    int nvmlDeviceGetCount_v2(IntByReference deviceCount);

    /** The handle of the device at NVML index {@code index} (the order nvidia-smi shows). */
    int nvmlDeviceGetHandleByIndex_v2(int index, PointerByReference device);

    /** The handle of the device (or MIG instance) with {@code uuid}. */
    int nvmlDeviceGetHandleByUUID(String uuid, PointerByReference device);

    /** Product name, NUL-terminated, into {@code name}. */
    int nvmlDeviceGetName(Pointer device, byte[] name, int length);

    /** UUID, NUL-terminated, into {@code uuid}. */
    int nvmlDeviceGetUUID(Pointer device, byte[] uuid, int length);

    /** Enforced power limit in milliwatts. */
    int nvmlDeviceGetPowerManagementLimit(Pointer device, IntByReference limitMilliwatts);

    /** Current board power in milliwatts. */
    int nvmlDeviceGetPowerUsage(Pointer device, IntByReference powerMilliwatts);

    /** Energy since the driver was loaded, in millijoules (Volta and newer). */
    int nvmlDeviceGetTotalEnergyConsumption(Pointer device, LongByReference energyMillijoules);

    /** PCI location into {@code pciInfo}, an {@code nvmlPciInfo_t} of {@link #PCI_INFO_BYTES} in native byte order. */
    int nvmlDeviceGetPciInfo_v3(Pointer device, byte[] pciInfo);

    /**
     * MIG mode now and after the next reset ({@link #MIG_ENABLE} or 0); {@link #ERROR_NOT_SUPPORTED}
     * on GPUs without MIG. Drivers older than MIG (R450) lack the symbol: calling it then throws
     * {@link UnsatisfiedLinkError}.
     */
    int nvmlDeviceGetMigMode(Pointer device, IntByReference currentMode, IntByReference pendingMode);

    /** The driver's version, e.g. {@code 550.54.15}, NUL-terminated into {@code version}. */
    int nvmlSystemGetDriverVersion(byte[] version, int length);
}
