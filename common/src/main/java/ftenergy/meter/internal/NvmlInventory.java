package ftenergy.meter.internal;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import ftenergy.gpu.PhysicalGpu;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Every GPU NVML enumerates, with what {@link ftenergy.gpu.GpuAddressMap} needs: UUID, PCI bus id, MIG mode. */
public final class NvmlInventory {

    private NvmlInventory() {}

    /**
     * The host's GPUs in NVML index order. NVML must be initialised. A GPU NVML cannot open is
     * listed with its UUID and bus id unknown ({@code null}).
     *
     * @throws NvmlUnavailableException if NVML cannot count the GPUs
     */
    public static List<PhysicalGpu> read(NvmlLibrary nvml) {
        IntByReference count = new IntByReference();
        int rc = nvml.nvmlDeviceGetCount_v2(count);
        if (rc != NvmlLibrary.SUCCESS) {
            throw new NvmlUnavailableException("nvmlDeviceGetCount_v2 failed: " + nvml.nvmlErrorString(rc) + " (code " + rc + ")");
        }
        List<PhysicalGpu> gpus = new ArrayList<>();
        for (int i = 0; i < count.getValue(); i++) {
            PointerByReference ref = new PointerByReference();
            if (nvml.nvmlDeviceGetHandleByIndex_v2(i, ref) != NvmlLibrary.SUCCESS) {
                gpus.add(new PhysicalGpu(i, null, null, false));
                continue;
            }
            Pointer handle = ref.getValue();
            String uuid = NvmlGpuSource.string((b, n) -> nvml.nvmlDeviceGetUUID(handle, b, n));
            gpus.add(new PhysicalGpu(i, uuid, pciBusId(nvml, handle), migEnabled(nvml, handle)));
        }
        return gpus;
    }

    private static String pciBusId(NvmlLibrary nvml, Pointer handle) {
        byte[] info = new byte[NvmlLibrary.PCI_INFO_BYTES];
        if (nvml.nvmlDeviceGetPciInfo_v3(handle, info) != NvmlLibrary.SUCCESS) {
            return null;
        }
        ByteBuffer fields = ByteBuffer.wrap(info).order(ByteOrder.nativeOrder());
        int at = NvmlLibrary.PCI_INFO_DOMAIN_OFFSET;
        return PhysicalGpu.pciBusId(Integer.toUnsignedLong(fields.getInt(at)), fields.getInt(at + 4), fields.getInt(at + 8));
    }

    private static boolean migEnabled(NvmlLibrary nvml, Pointer handle) {
        IntByReference current = new IntByReference();
        IntByReference pending = new IntByReference();
        try {
            return nvml.nvmlDeviceGetMigMode(handle, current, pending) == NvmlLibrary.SUCCESS
                    && current.getValue() == NvmlLibrary.MIG_ENABLE;
        } catch (UnsatisfiedLinkError e) {
            // a driver older than MIG: no GPU of it can be in MIG mode
            return false;
        }
    }
}
