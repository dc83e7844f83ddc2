package ftenergy.gpu;

import java.util.List;
import java.util.Optional;

/**
 * Maps the GPU addresses Spark gives a task to physical GPUs and to this process's CUDA ordinals.
 *
 * <p>Three numberings meet here. Spark's discovery script reports addresses: {@code nvidia-smi}'s
 * indices, sometimes UUIDs. NVML (and {@code nvidia-smi}) enumerates every GPU of the host and
 * ignores {@code CUDA_VISIBLE_DEVICES}. CUDA numbers only the GPUs {@code CUDA_VISIBLE_DEVICES}
 * lists, in the order it lists them; its index entries, and the numbering when it is unset, follow
 * {@code CUDA_DEVICE_ORDER}, which is {@code FASTEST_FIRST} unless set. Using an address as both
 * NVML index and CUDA ordinal therefore meters one GPU while training on another as soon as
 * {@code CUDA_VISIBLE_DEVICES} is set or the fastest GPU is not the first on the bus.
 *
 * <p>So an address is found in NVML's enumeration by index or UUID; its CUDA ordinal is its position
 * in {@code CUDA_VISIBLE_DEVICES} (an entry matches by UUID, or by index into PCI bus order), or,
 * when that is unset, its rank in PCI bus order. That needs {@code CUDA_DEVICE_ORDER=PCI_BUS_ID}
 * wherever more than one GPU could be numbered: otherwise there is no ordinal, and
 * {@link #cudaOrdinal} says why. Without NVML an index address is taken as its PCI rank (NVML
 * enumerates in bus order) and a UUID address matches only UUID entries.
 *
 * <p>Immutable and thread-safe.
 */
public final class GpuAddressMap {
    private final List<PhysicalGpu> gpus;
    private final CudaEnvironment env;

    private GpuAddressMap(List<PhysicalGpu> gpus, CudaEnvironment env) {
        this.gpus = gpus;
        this.env = env;
    }

    /**
     * The map of a host whose GPUs NVML enumerated.
     *
     * @param gpus every GPU NVML sees, in NVML index order (element {@code i} has index {@code i})
     * @throws IllegalArgumentException if an element's index is not its position
     */
    public static GpuAddressMap of(List<PhysicalGpu> gpus, CudaEnvironment env) {
        for (int i = 0; i < gpus.size(); i++) {
            if (gpus.get(i).nvmlIndex() != i) {
                throw new IllegalArgumentException("GPU at position " + i + " has NVML index " + gpus.get(i).nvmlIndex());
            }
        }
        return new GpuAddressMap(List.copyOf(gpus), env);
    }

    /** The map of a host where NVML is not available: addresses are all it knows. */
    public static GpuAddressMap withoutNvml(CudaEnvironment env) {
        return new GpuAddressMap(null, env);
    }

    /**
     * Everything known of the GPU at {@code address}; its {@link GpuIdentity#cudaOrdinal()} is -1
     * where {@link #cudaOrdinal} would fail.
     *
     * @throws GpuAddressException if the address is malformed or names no GPU NVML sees
     */
    public GpuIdentity identify(String address) {
        Resolution r = resolve(address);
        return new GpuIdentity(address, r.gpu().nvmlIndex(), r.gpu().uuid(), r.gpu().pciBusId(),
                r.problem() == null ? r.ordinal() : -1, r.gpu().migEnabled());
    }

    /**
     * The CUDA device number of {@code address} in this process: what {@code Device.gpu(n)} takes.
     *
     * @throws GpuAddressException naming the address and why: it names no GPU, CUDA does not see it,
     *     or {@code CUDA_DEVICE_ORDER} makes its number uncertain
     */
    public int cudaOrdinal(String address) {
        Resolution r = resolve(address);
        if (r.problem() != null) {
            throw new GpuAddressException(address, r.problem());
        }
        return r.ordinal();
    }

    /**
     * Why {@code address} has no CUDA ordinal in this process; empty when it has one.
     *
     * @throws GpuAddressException if the address is malformed or names no GPU NVML sees
     */
    public Optional<String> whyNoCudaOrdinal(String address) {
        return Optional.ofNullable(resolve(address).problem());
    }

    /** A GPU found in the enumeration, and its ordinal or why there is none. */
    private record Resolution(PhysicalGpu gpu, int ordinal, String problem) {}

    private Resolution resolve(String address) {
        String a = address.trim();
        // a MIG instance is not in NVML's enumeration of GPUs; it is known by its UUID only
        PhysicalGpu gpu = isMigUuid(a) ? new PhysicalGpu(-1, a, null, true) : physical(address, a);
        String problem = orderProblem();
        if (problem != null) {
            return new Resolution(gpu, -1, problem);
        }
        return ordinal(gpu);
    }

    private PhysicalGpu physical(String address, String a) {
        if (isIndex(a)) {
            int index = Integer.parseInt(a);
            if (gpus == null) {
                return new PhysicalGpu(index, null, null, false);
            }
            if (index < gpus.size()) {
                return gpus.get(index);
            }
            throw new GpuAddressException(address, "no such NVML index: NVML sees " + gpus.size() + " GPU(s)");
        }
        if (a.startsWith("GPU-")) {
            if (gpus == null) {
                return new PhysicalGpu(-1, a, null, false);
            }
            return gpus.stream().filter(g -> a.equals(g.uuid())).findFirst().orElseThrow(() ->
                    new GpuAddressException(address, "no GPU with this UUID among the " + gpus.size() + " NVML sees"));
        }
        throw new GpuAddressException(address, "neither an NVML index (0, 1, ...) nor a GPU or MIG UUID (GPU-..., MIG-...)");
    }

    private String orderProblem() {
        if (env.pciBusOrder() || (gpus != null && gpus.size() == 1)) {
            return null;
        }
        Optional<List<String>> visible = env.visibleEntries();
        if (visible.isPresent() && visible.get().size() == 1 && isUuid(visible.get().get(0))) {
            return null;
        }
        String count = gpus == null ? "without NVML the GPUs of this host cannot be counted" : "this host has " + gpus.size() + " GPUs";
        return CudaEnvironment.DEVICE_ORDER + " is " + env.effectiveOrder() + (env.deviceOrder() == null ? " (unset)" : "")
                + " and " + count + ": CUDA may number GPUs in another order than NVML and Spark, and a run would meter one GPU"
                + " while it trains on another. Set " + CudaEnvironment.DEVICE_ORDER + "=" + CudaEnvironment.PCI_BUS_ID
                + " for the run (bin/ftenergy and the Spark session set it for executors)";
    }

    private Resolution ordinal(PhysicalGpu gpu) {
        Optional<List<String>> visible = env.visibleEntries();
        if (visible.isEmpty()) {
            return pciRank(gpu);
        }
        List<String> entries = visible.get();
        boolean uuidUnknown = false;
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            if (isUuid(entry)) {
                // CUDA also takes a unique prefix of a UUID
                if (gpu.uuid() == null) {
                    uuidUnknown = true;
                } else if (gpu.uuid().startsWith(entry)) {
                    return new Resolution(gpu, i, null);
                }
            } else if (isIndex(entry) && (gpus == null || Integer.parseInt(entry) < gpus.size())) {
                if (gpu.nvmlIndex() >= 0) {
                    Resolution rank = pciRank(gpu);
                    if (rank.problem() != null) {
                        return rank;
                    }
                    if (rank.ordinal() == Integer.parseInt(entry)) {
                        return new Resolution(gpu, i, null);
                    }
                }
            } else {
                return new Resolution(gpu, -1, "not visible to CUDA in this process: " + CudaEnvironment.VISIBLE_DEVICES + "="
                        + env.visibleDevices() + " does not list it before entry '" + entry + "', which CUDA cannot use and"
                        + " which hides every entry after it");
            }
        }
        if (uuidUnknown) {
            return new Resolution(gpu, -1, "without NVML its UUID is unknown, so it cannot be matched with "
                    + CudaEnvironment.VISIBLE_DEVICES + "=" + env.visibleDevices());
        }
        return new Resolution(gpu, -1, "not visible to CUDA in this process: " + CudaEnvironment.VISIBLE_DEVICES + "="
                + env.visibleDevices() + " does not list it; Spark gave the task a GPU its executor cannot use");
    }

    /** The position of {@code gpu} in PCI bus order among all the host's GPUs. */
    private Resolution pciRank(PhysicalGpu gpu) {
        if (gpu.nvmlIndex() < 0) {
            return new Resolution(gpu, -1, isMigUuid(gpu.uuid())
                    ? "CUDA numbers a MIG instance only where " + CudaEnvironment.VISIBLE_DEVICES + " names it"
                    : "without NVML a UUID address has no index; name the run's GPUs by UUID in " + CudaEnvironment.VISIBLE_DEVICES);
        }
        if (gpus == null) {
            return new Resolution(gpu, gpu.nvmlIndex(), null);
        }
        for (PhysicalGpu other : gpus) {
            if (other.migEnabled()) {
                return new Resolution(gpu, -1, "GPU " + other.nvmlIndex() + " (" + other.uuid() + ") is in MIG mode, and CUDA"
                        + " numbers MIG instances among the GPUs; name the run's GPUs by UUID in " + CudaEnvironment.VISIBLE_DEVICES);
            }
        }
        if (gpus.stream().anyMatch(g -> g.pciBusId() == null)) {
            // NVML enumerates in bus order itself; its index is the rank when a bus id is unreadable
            return new Resolution(gpu, gpu.nvmlIndex(), null);
        }
        int rank = 0;
        for (PhysicalGpu other : gpus) {
            if (other.pciBusId().compareTo(gpu.pciBusId()) < 0) {
                rank++;
            }
        }
        return new Resolution(gpu, rank, null);
    }

    private static boolean isIndex(String text) {
        return text.matches("\\d{1,9}");
    }

    private static boolean isUuid(String text) {
        return text.startsWith("GPU-") || isMigUuid(text);
    }

    /** Whether {@code text} is a MIG instance's UUID ({@code MIG-...}). */
    static boolean isMigUuid(String text) {
        return text != null && text.startsWith("MIG-");
    }
}
