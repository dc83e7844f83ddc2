package ftenergy.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.meter.internal.TextFiles;
import ftenergy.run.HostInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnergyMeterTest {
    private static final long MAX = 262_143_328_850L;

    @TempDir
    Path dir;

    @Test
    void duplicateBegin_failsNamingTheWindow() {
        MeterFixture host = new MeterFixture(dir);
        try (EnergyMeter meter = host.open(List.of(), MeterFixture.NO_NVML)) {
            meter.begin("epoch-1");
            MeterException e = assertThrows(MeterException.class, () -> meter.begin("epoch-1"));
            assertEquals("epoch-1", e.window());
            assertTrue(e.getMessage().contains("'epoch-1'"));
        }
    }

    @Test
    void endOfUnknownWindow_failsNamingItAndTheOpenOnes() {
        MeterFixture host = new MeterFixture(dir);
        try (EnergyMeter meter = host.open(List.of(), MeterFixture.NO_NVML)) {
            meter.begin("train");
            MeterException e = assertThrows(MeterException.class, () -> meter.end("eval"));
            assertTrue(e.getMessage().contains("'eval'") && e.getMessage().contains("[train]"), e.getMessage());
            meter.end("train");
            assertThrows(MeterException.class, () -> meter.end("train"));
        }
    }

    @Test
    void nestedWindows_innerIsPartOfOuter() {
        MeterFixture host = new MeterFixture(dir);
        try (EnergyMeter meter = host.open(List.of(), MeterFixture.NO_NVML)) {
            meter.begin("run");
            busy(host, meter, 2);
            meter.begin("epoch");
            busy(host, meter, 3);
            Measurement epoch = meter.end("epoch");
            busy(host, meter, 1);
            Measurement run = meter.end("run");
            assertEquals(3.0, epoch.durationSeconds(), 1e-9);
            assertEquals(6.0, run.durationSeconds(), 1e-9);
            assertTrue(epoch.cpuJoules() > 0 && run.cpuJoules() > epoch.cpuJoules());
            // the TDP model at a constant load: energy proportional to time
            assertEquals(run.cpuJoules() / 6, epoch.cpuJoules() / 3, 1e-9);
        }
    }

    @Test
    void noRaplNoGpu_cpuFromTdpTableRamFromModelGpuAbsent() {
        MeterFixture host = new MeterFixture(dir);
        try (EnergyMeter meter = host.open(List.of("0"), MeterFixture.NO_NVML)) {
            assertEquals("estimated-tdp", meter.provenance().get("cpu"));
            assertEquals("estimated-ram", meter.provenance().get("ram"));
            assertEquals("absent", meter.provenance().get("gpu"));
            assertEquals(150, meter.host().cpuTdpWatts());
            assertEquals(2, meter.host().cpuSockets());
            assertEquals("node-7", meter.host().hostName());
            assertTrue(meter.notes().stream().anyMatch(n -> n.contains("libnvidia-ml.so.1") && n.contains("not loadable")), meter.notes().toString());
            // Unmetered, the GPU is still the run's: its row must not pass for a CPU run's.
            HostInfo row = HostInfo.of(meter.host(), 1);
            assertEquals(List.of("0"), row.gpuIds());
            assertEquals(GpuDescription.UNREAD, row.hardware());
            assertEquals(1, row.deviceCount());
            meter.begin("w");
            busy(host, meter, 2);
            Measurement m = meter.end("w");
            assertEquals(0, m.gpuJoules());
            assertEquals("absent", m.provenance().get("gpu"));
        }
    }

    @Test
    void raplDeniedFromStart_fallsBackToTdpAndSaysWhy() {
        MeterFixture host = new MeterFixture(dir);
        host.sysfs.zone("intel-rapl:0", "package-0", 10, MAX);
        DenyingFiles files = new DenyingFiles(p -> p.getFileName().toString().equals("energy_uj"), true);
        try (EnergyMeter meter = host.open(files)) {
            assertEquals("estimated-tdp", meter.provenance().get("cpu"));
            assertTrue(meter.notes().stream().anyMatch(n -> n.contains("permission denied")), meter.notes().toString());
        }
    }

    @Test
    void raplDeniedMidRun_reportedOnceNotEverySample() {
        MeterFixture host = new MeterFixture(dir);
        host.sysfs.zone("intel-rapl:0", "package-0", 10, MAX);
        DenyingFiles files = new DenyingFiles(p -> p.getFileName().toString().equals("energy_uj"), false);
        try (EnergyMeter meter = host.open(files)) {
            assertEquals("measured-rapl", meter.provenance().get("cpu"));
            files.startDenying();
            for (int i = 0; i < 5; i++) {
                host.tick(meter);
            }
            assertTrue(files.deniedReads >= 5);
            assertEquals(1, meter.notes().stream().filter(n -> n.contains("permission denied")).count(), meter.notes().toString());
        }
    }

    @Test
    void joulesSoFar_extrapolatesBetweenSamplesAndNeverDecreases() {
        MeterFixture host = new MeterFixture(dir);
        try (EnergyMeter meter = host.open(List.of(), MeterFixture.NO_NVML)) {
            busy(host, meter, 2);
            double atSample = meter.joulesSoFar();
            host.clock.advance(Duration.ofMillis(500));
            double extrapolated = meter.joulesSoFar();
            assertTrue(extrapolated > atSample, extrapolated + " vs " + atSample);
            // the process goes idle: the next sample is below the extrapolation, yet the value holds
            host.clock.advance(Duration.ofMillis(500));
            meter.sample();
            double after = meter.joulesSoFar();
            assertTrue(after >= extrapolated);
            meter.begin("w");
            Measurement m = meter.end("w");
            assertEquals(0, m.durationSeconds());
        }
    }

    @Test
    void samples_oneRowPerDevicePerReadingInTimeOrder() {
        MeterFixture host = new MeterFixture(dir);
        try (EnergyMeter meter = host.open(List.of(), MeterFixture.NO_NVML)) {
            busy(host, meter, 3);
            List<PowerSample> samples = meter.samples();
            assertEquals(6, samples.size());
            for (int i = 1; i < samples.size(); i++) {
                assertTrue(!samples.get(i).at().isBefore(samples.get(i - 1).at()));
            }
            PowerSample cpu = samples.get(4);
            assertEquals("cpu", cpu.component());
            assertEquals("tdp-model", cpu.device());
            // 300 W host TDP (2 × 150), half the CPUs busy, all of the busy time this process's
            double watts = 300 * (0.21 + 0.79 * 0.5);
            assertEquals(watts, cpu.watts(), 1e-9);
            assertEquals(3 * watts, cpu.joulesTotal(), 1e-9);
        }
    }

    @Test
    void models_integrateAnalyticLoadAndMemoryCurvesExactly() {
        MeterFixture host = new MeterFixture(dir);
        try (EnergyMeter meter = host.open(List.of(), MeterFixture.NO_NVML)) {
            meter.begin("w");
            // load steps from 1/4 to 3/4 of the 4 CPUs while resident memory ramps up by 0.5 GiB a second
            long process = 0;
            long total = 0;
            for (int s = 1; s <= 10; s++) {
                process += s <= 4 ? 100 : 300;
                total += 400;
                host.procfs.process(process, (1024L + 512L * s) * 1024);
                host.procfs.host(process, total, 16L * 1024 * 1024, 8L * 1024 * 1024);
                host.tick(meter);
            }
            Measurement m = meter.end("w");
            // 300 W host TDP idling at 0.21 of it: 4 s at load 1/4, 6 s at 3/4, all of it this process's
            assertEquals(300 * (4 * (0.21 + 0.79 * 0.25) + 6 * (0.21 + 0.79 * 0.75)), m.cpuJoules(), 1e-9);
            // 0.375 W/GiB × ∫ RSS: 0.5 -> 1.5 GiB in the first second (the fixture's start), then linear 1.5 -> 6 GiB over 9 s
            double gibSeconds = (0.5 + 1.5) / 2 + 9 * (1.5 + 6) / 2;
            assertEquals(0.375 * gibSeconds, m.ramJoules(), 1e-9);
        }
    }

    @Test
    void closedMeter_refusesWindowsButKeepsItsTimeline() {
        MeterFixture host = new MeterFixture(dir);
        EnergyMeter meter = host.open(List.of(), MeterFixture.NO_NVML);
        busy(host, meter, 1);
        meter.close();
        meter.close();
        assertThrows(MeterException.class, () -> meter.begin("late"));
        assertEquals(2, meter.samples().size());
    }

    @Test
    void backgroundThread_samplesOnADaemonThread() throws InterruptedException {
        MeterFixture host = new MeterFixture(dir);
        MeterSettings fast = host.settings().withSampleInterval(Duration.ofMillis(10));
        try (EnergyMeter meter = EnergyMeter.open(fast, List.of(), TextFiles.local(), MeterFixture.NO_NVML,
                MeterFixture.PCI_ORDER, ftenergy.meter.internal.MeterClock.system(), true)) {
            for (int i = 0; i < 1000 && meter.samples().size() < 6; i++) {
                Thread.sleep(10);
            }
            assertTrue(meter.samples().size() >= 6, "no samples from the background thread");
            Thread sampler = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("ftenergy-meter")).findFirst().orElseThrow();
            assertTrue(sampler.isDaemon());
        }
    }

    @Test
    void thisHost_opensWithoutGpuAndReportsEveryComponent() {
        try (EnergyMeter meter = EnergyMeter.open(MeterSettings.defaults(), List.of())) {
            meter.begin("w");
            Measurement m = meter.end("w");
            assertEquals("absent", m.provenance().get("gpu"));
            assertEquals(3, meter.provenance().size());
            assertTrue(m.totalJoules() >= 0);
        }
    }

    @Test
    void latest_splitsPowerAndEnergyByComponent_andSamplesFromReadsOnlyWhatIsNew() {
        MeterFixture host = new MeterFixture(dir);
        FakeNvml nvml = new FakeNvml(host.clock, new FakeNvml.Gpu("NVIDIA A100-SXM4-80GB", "GPU-0aaa-uuid", 400_000, true,
                PowerCurve.constant(250)));
        try (EnergyMeter meter = host.open(List.of("0"), name -> nvml)) {
            busy(host, meter, 3);
            MeterReading latest = meter.latest();
            // 300 W host TDP (2 × 150), half the CPUs busy, all of the busy time this process's
            double cpuWatts = 300 * (0.21 + 0.79 * 0.5);
            assertEquals(cpuWatts, latest.cpuWatts(), 1e-9);
            assertEquals(250, latest.gpuWatts(), 1e-6);
            assertEquals(MeterSettings.CRUCIAL_WATTS_PER_GIB, latest.ramWatts(), 1e-9, "1 GiB resident");
            assertEquals(3 * cpuWatts, latest.cpuJoules(), 1e-9);
            assertEquals(750, latest.gpuJoules(), 1e-6);
            assertEquals(latest.cpuWatts() + latest.gpuWatts() + latest.ramWatts(), latest.totalWatts(), 1e-12);
            assertEquals(host.clock.now(), latest.at());
            List<PowerSample> all = meter.samples();
            assertEquals(9, all.size(), "3 readings × cpu, gpu, ram");
            assertEquals(all.subList(6, 9), meter.samplesFrom(6));
            assertEquals(List.of(), meter.samplesFrom(9));
            assertThrows(IllegalArgumentException.class, () -> meter.samplesFrom(-1));
        }
    }

    private static void busy(MeterFixture host, EnergyMeter meter, int seconds) {
        host.busy(meter, seconds);
    }
}
