package ftenergy.meter;

import ftenergy.gpu.CudaEnvironment;
import ftenergy.gpu.GpuAddressMap;
import ftenergy.meter.internal.NvmlInventory;
import ftenergy.meter.internal.NvmlLibrary;
import ftenergy.meter.internal.NvmlLoader;
import ftenergy.meter.internal.NvmlUnavailableException;
import java.util.List;

/**
 * The CUDA device numbers of a task's Spark GPU addresses in this process, what the engine's
 * {@code Device.gpu(n)} takes, told through NVML's view of the host ({@link GpuAddressMap}) so that
 * the GPU a run trains on is the GPU its meter reads.
 *
 * <pre>{@code
 * List<Integer> ordinals = CudaOrdinals.of(List.of("2", "3")); // [0, 1] under CUDA_VISIBLE_DEVICES=2,3
 * }</pre>
 */
public final class CudaOrdinals {

    private CudaOrdinals() {}

    /**
     * The ordinals of {@code addresses}, in their order, under this process's environment and the
     * default NVML library; without NVML, from the addresses and the environment alone.
     *
     * @throws ftenergy.gpu.GpuAddressException naming the first address with no certain ordinal, and why
     */
    public static List<Integer> of(List<String> addresses) {
        return of(addresses, NvmlLoader.jna(), MeterSettings.defaults().nvmlLibrary(), CudaEnvironment.current());
    }

    /** The seam tests use: a fake NVML and an environment of their own. */
    static List<Integer> of(List<String> addresses, NvmlLoader loader, String library, CudaEnvironment cuda) {
        if (addresses.isEmpty()) {
            return List.of();
        }
        GpuAddressMap map = addressMap(loader, library, cuda);
        return addresses.stream().map(map::cudaOrdinal).toList();
    }

    private static GpuAddressMap addressMap(NvmlLoader loader, String library, CudaEnvironment cuda) {
        NvmlLibrary nvml;
        try {
            nvml = loader.load(library);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return GpuAddressMap.withoutNvml(cuda);
        }
        if (nvml.nvmlInit_v2() != NvmlLibrary.SUCCESS) {
            return GpuAddressMap.withoutNvml(cuda);
        }
        try {
            return GpuAddressMap.of(NvmlInventory.read(nvml), cuda);
        } catch (NvmlUnavailableException e) {
            return GpuAddressMap.withoutNvml(cuda);
        } finally {
            nvml.nvmlShutdown();
        }
    }
}
