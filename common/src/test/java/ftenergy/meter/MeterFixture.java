package ftenergy.meter;

import ftenergy.gpu.CudaEnvironment;
import ftenergy.meter.internal.NvmlLoader;
import ftenergy.meter.internal.TextFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A simulated host (procfs + sysfs + clock) and meters opened on it without a background thread. */
final class MeterFixture {
    static final NvmlLoader NO_NVML = name -> {
        throw new UnsatisfiedLinkError("Unable to load library '" + name + "'");
    };
    /** What bin/ftenergy and the Spark session give a run: CUDA numbers GPUs in bus order, all visible. */
    static final CudaEnvironment PCI_ORDER = CudaEnvironment.of(Map.of("CUDA_DEVICE_ORDER", "PCI_BUS_ID"));

    final FakeClock clock = new FakeClock();
    final FakeSysfs sysfs;
    final FakeProcfs procfs;

    MeterFixture(Path dir) {
        sysfs = new FakeSysfs(dir.resolve("sys"));
        procfs = new FakeProcfs(dir.resolve("proc"), "Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz", 2, 4);
    }

    MeterSettings settings() {
        return MeterSettings.defaults().withRoots(sysfs.root(), procfs.root());
    }

    EnergyMeter open(List<String> gpus, NvmlLoader nvml) {
        return open(gpus, nvml, PCI_ORDER);
    }

    EnergyMeter open(List<String> gpus, NvmlLoader nvml, CudaEnvironment cuda) {
        return EnergyMeter.open(settings(), gpus, TextFiles.local(), nvml, cuda, clock, false);
    }

    EnergyMeter open(TextFiles files) {
        return EnergyMeter.open(settings(), List.of(), files, NO_NVML, PCI_ORDER, clock, false);
    }

    private long processTicks;
    private long activeTicks;
    private long totalTicks;

    /**
     * The simulated process keeps 2 of the host's 4 CPUs busy (200 of 400 ticks a second, nothing
     * else runs) for {@code seconds}, with 1 GiB resident of 4 GiB used.
     */
    void busy(EnergyMeter meter, int seconds) {
        for (int i = 0; i < seconds; i++) {
            processTicks += 200;
            activeTicks += 200;
            totalTicks += 400;
            procfs.process(processTicks, 1024 * 1024);
            procfs.host(activeTicks, totalTicks, 8L * 1024 * 1024, 4L * 1024 * 1024);
            tick(meter);
        }
    }

    /** Advances the clock by one second and takes a reading, as the background thread would. */
    void tick(EnergyMeter... meters) {
        clock.advance(Duration.ofSeconds(1));
        for (EnergyMeter m : meters) {
            m.sample();
        }
    }
}
