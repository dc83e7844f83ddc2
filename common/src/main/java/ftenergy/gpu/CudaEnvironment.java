package ftenergy.gpu;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two environment variables that decide how CUDA numbers a process's GPUs, taken from an
 * environment map so that tests never touch the real one.
 *
 * <pre>{@code
 * CudaEnvironment env = CudaEnvironment.of(Map.of("CUDA_VISIBLE_DEVICES", "2,3", "CUDA_DEVICE_ORDER", "PCI_BUS_ID"));
 * }</pre>
 *
 * @param visibleDevices {@code CUDA_VISIBLE_DEVICES} as set, or {@code null} when unset (every GPU visible)
 * @param deviceOrder {@code CUDA_DEVICE_ORDER} as set, or {@code null} when unset (CUDA then orders
 *     {@code FASTEST_FIRST})
 */
public record CudaEnvironment(String visibleDevices, String deviceOrder) {

    /** The variable naming the GPUs CUDA may use, in the order it numbers them. */
    public static final String VISIBLE_DEVICES = "CUDA_VISIBLE_DEVICES";
    /** The variable deciding the order CUDA numbers GPUs in (and interprets indices in {@link #VISIBLE_DEVICES}). */
    public static final String DEVICE_ORDER = "CUDA_DEVICE_ORDER";
    /** The order ftenergy requires: ascending PCI bus id, the order NVML and nvidia-smi enumerate in. */
    public static final String PCI_BUS_ID = "PCI_BUS_ID";
    /** CUDA's order when {@link #DEVICE_ORDER} is unset: a speed heuristic. */
    public static final String FASTEST_FIRST = "FASTEST_FIRST";

    /** The variables from {@code environment} (e.g. {@link System#getenv()}). */
    public static CudaEnvironment of(Map<String, String> environment) {
        return new CudaEnvironment(environment.get(VISIBLE_DEVICES), environment.get(DEVICE_ORDER));
    }

    /** This process's variables. */
    public static CudaEnvironment current() {
        return of(System.getenv());
    }

    /** The order CUDA uses: {@link #deviceOrder} or, when unset, {@link #FASTEST_FIRST}. */
    public String effectiveOrder() {
        return deviceOrder == null || deviceOrder.isBlank() ? FASTEST_FIRST : deviceOrder.trim();
    }

    /** Whether CUDA orders GPUs by PCI bus id, as NVML does. */
    public boolean pciBusOrder() {
        return effectiveOrder().equals(PCI_BUS_ID);
    }

    /**
     * The entries of {@code CUDA_VISIBLE_DEVICES}, trimmed, in order; empty when unset. An empty
     * value is one empty entry, which like any invalid entry hides it and everything after it.
     */
    public Optional<List<String>> visibleEntries() {
        if (visibleDevices == null) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(visibleDevices.split(",", -1)).map(String::trim).toList());
    }

    /** The MIG instances {@code CUDA_VISIBLE_DEVICES} names ({@code MIG-...} entries). */
    public List<String> migEntries() {
        return visibleEntries().orElse(List.of()).stream().filter(GpuAddressMap::isMigUuid).toList();
    }

    @Override
    public String toString() {
        return VISIBLE_DEVICES + "=" + (visibleDevices == null ? "(unset)" : visibleDevices) + " "
                + DEVICE_ORDER + "=" + (deviceOrder == null ? "(unset)" : deviceOrder);
    }
}
