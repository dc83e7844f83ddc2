package ftenergy.meter.internal;

import ftenergy.gpu.CudaEnvironment;
import ftenergy.gpu.GpuAddressException;
import ftenergy.gpu.GpuAddressMap;
import ftenergy.gpu.GpuIdentity;
import ftenergy.meter.GpuDescription;
import ftenergy.meter.HostDescription;
import ftenergy.meter.MeterSettings;
import ftenergy.meter.Provenance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, per component, the best source this host offers, and notes why better ones are not
 * used: RAPL before the TDP model for CPU, RAPL dram before the RSS model for RAM, NVML for GPUs.
 */
public final class SourceDiscovery {
    private final MeterSettings settings;
    private final TextFiles files;
    private final NvmlLoader nvmlLoader;
    private final CudaEnvironment cuda;
    private final MeterNotes notes;

    /**
     * Looks under the settings' sysfs and procfs roots through {@code files}, tells GPUs' CUDA
     * ordinals under {@code cuda}; reasons go to {@code notes}.
     */
    public SourceDiscovery(MeterSettings settings, TextFiles files, NvmlLoader nvmlLoader, CudaEnvironment cuda, MeterNotes notes) {
        this.settings = settings;
        this.files = files;
        this.nvmlLoader = nvmlLoader;
        this.cuda = cuda;
        this.notes = notes;
    }

    /** Opens the sources for a run owning {@code gpuAddresses} (none for a CPU run). */
    public Discovery discover(List<String> gpuAddresses) {
        ProcFs procFs = new ProcFs(settings.procfsRoot(), files);
        try {
            procFs.snapshot();
        } catch (IOException e) {
            notes.warn("procfs unreadable (" + e.getMessage() + "): this process's CPU and RAM share cannot be known, "
                    + "so CPU and RAM are absent rather than charged with the whole host");
            procFs = null;
        }
        CpuInfo cpu = cpuInfo(procFs);
        Tdp tdp = resolveTdp(cpu);

        List<EnergySource> sources = new ArrayList<>();
        Map<String, Provenance> found = new LinkedHashMap<>();
        RaplZones rapl = new RaplDiscovery(files).find(settings.sysfsRoot());
        EnergySource cpuSource = procFs == null ? null : cpuSource(rapl, tdp.watts() * cpu.sockets(), tdp.source());
        NvmlGpuSource gpuSource = gpuSource(gpuAddresses);
        EnergySource ramSource = procFs == null ? null : ramSource(rapl);
        for (EnergySource s : new EnergySource[] {cpuSource, gpuSource, ramSource}) {
            if (s != null) {
                sources.add(s);
                found.put(s.component(), s.provenance());
            }
        }
        // Always cpu, gpu, ram, in that order: the order of the runs table's source columns.
        Map<String, Provenance> provenance = new LinkedHashMap<>();
        for (String component : List.of("cpu", "gpu", "ram")) {
            provenance.put(component, found.getOrDefault(component, Provenance.ABSENT));
        }
        // A GPU the meter cannot read is still the run's: the runs table must not file a GPU run as a CPU one.
        List<GpuDescription> gpus = gpuSource == null
                ? gpuAddresses.stream().map(a -> GpuDescription.unread(identityWithoutNvml(a))).toList()
                : gpuSource.descriptions();
        HostDescription host = new HostDescription(hostName(procFs), cpu.model(), cpu.sockets(), cpu.logicalCpus(), tdp.watts(), tdp.source(), gpus,
                gpuSource == null ? null : gpuSource.driverVersion());
        return new Discovery(sources, procFs, host, provenance);
    }

    /** Every GPU NVML can see, or none (with a note) when NVML is not usable here. */
    public List<String> allGpuAddresses() {
        return loadNvml().map(nvml -> {
            try {
                return NvmlGpuSource.allAddresses(nvml, notes);
            } catch (NvmlUnavailableException e) {
                notes.warn("NVML unusable: " + e.getMessage());
                return List.<String>of();
            }
        }).orElse(List.of());
    }

    private EnergySource cpuSource(RaplZones rapl, double hostTdpWatts, String tdpSource) {
        if (!rapl.packages().isEmpty()) {
            try {
                return RaplSource.packages(rapl.packages(), files, notes);
            } catch (IOException e) {
                notes.warn("RAPL package counter failed on first read (" + e.getMessage() + ")");
            }
        } else {
            rapl.packageProblem().ifPresent(notes::warn);
        }
        notes.info("CPU energy estimated by the TDP model (" + hostTdpWatts + " W for the host at full load, "
                + settings.cpuIdleFraction() + " of it idle, " + tdpSource + ")");
        return new TdpSource(hostTdpWatts, settings.cpuIdleFraction(), tdpSource);
    }

    private EnergySource ramSource(RaplZones rapl) {
        if (!rapl.drams().isEmpty()) {
            try {
                return RaplSource.drams(rapl.drams(), files, notes);
            } catch (IOException e) {
                notes.warn("RAPL dram counter failed on first read (" + e.getMessage() + ")");
            }
        } else {
            rapl.dramProblem().ifPresent(notes::info);
        }
        notes.info("RAM energy estimated by the RSS model (" + settings.ramWattsPerGib() + " W/GiB)");
        return new RamModelSource(settings.ramWattsPerGib());
    }

    private NvmlGpuSource gpuSource(List<String> gpuAddresses) {
        if (gpuAddresses.isEmpty()) {
            notes.info("no GPU given to the meter: GPU energy absent");
            return null;
        }
        Optional<NvmlLibrary> nvml = loadNvml();
        if (nvml.isEmpty()) {
            notes.warn("GPU energy absent for GPUs " + gpuAddresses + " because NVML is not available");
            return null;
        }
        try {
            return NvmlGpuSource.open(nvml.get(), gpuAddresses, cuda, notes);
        } catch (NvmlUnavailableException e) {
            notes.warn("NVML unusable (" + e.getMessage() + "): GPU energy absent for GPUs " + gpuAddresses);
            return null;
        }
    }

    /** What an address tells without NVML; a malformed one is the address alone, as the GPU is unmetered anyway. */
    private GpuIdentity identityWithoutNvml(String address) {
        try {
            return GpuAddressMap.withoutNvml(cuda).identify(address);
        } catch (GpuAddressException e) {
            return GpuIdentity.addressOnly(address);
        }
    }

    private Optional<NvmlLibrary> loadNvml() {
        try {
            return Optional.of(nvmlLoader.load(settings.nvmlLibrary()));
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            // JNA's message goes on to list every classpath entry it searched: the first line says it
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("").replaceAll(":$", "");
            notes.warn("NVML library " + settings.nvmlLibrary() + " not loadable (" + message + ")");
            return Optional.empty();
        }
    }

    /** TDP per socket and where it came from. */
    private record Tdp(double watts, String source) {}

    private Tdp resolveTdp(CpuInfo cpu) {
        if (settings.cpuTdpWatts().isPresent()) {
            return new Tdp(settings.cpuTdpWatts().getAsDouble(), "MeterSettings.cpuTdpWatts override");
        }
        return CpuTdpTable.shipped().lookup(cpu.model())
                .map(e -> new Tdp(e.tdpWatts(), "TDP table row '" + e.model() + "', " + e.source()))
                .orElseGet(() -> new Tdp(settings.defaultCpuTdpWatts(), "default for CPU model '" + cpu.model() + "', not in the TDP table"));
    }

    private CpuInfo cpuInfo(ProcFs procFs) {
        if (procFs != null) {
            try {
                return procFs.cpuInfo();
            } catch (IOException e) {
                notes.info("CPU model unknown: " + e.getMessage());
            }
        }
        return new CpuInfo("unknown", 1, Runtime.getRuntime().availableProcessors());
    }

    private static String hostName(ProcFs procFs) {
        if (procFs != null) {
            try {
                return procFs.hostName();
            } catch (IOException e) {
                // fall through to the environment
            }
        }
        String env = System.getenv("HOSTNAME");
        return env != null && !env.isBlank() ? env : "unknown";
    }
}
