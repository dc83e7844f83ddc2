package ftenergy.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.meter.internal.MeterClock;
import ftenergy.meter.internal.TextFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeterProbeTest {
    @TempDir
    Path dir;

    @Test
    void raplAndNvmlHost_probeNamesEverySourceAndItsDevices() throws Exception {
        MeterFixture host = new MeterFixture(dir);
        host.sysfs.zone("intel-rapl:0", "package-0", 1, 262_143_328_850L).zone("intel-rapl:0:0", "dram", 1, 65_712_999_613L);
        FakeNvml nvml = new FakeNvml(host.clock,
                new FakeNvml.Gpu("NVIDIA A100-SXM4-40GB", "GPU-aaaa", 400_000, true, PowerCurve.constant(60)),
                new FakeNvml.Gpu("NVIDIA A100-SXM4-40GB", "GPU-bbbb", 400_000, true, PowerCurve.constant(60)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Measurement m = MeterProbe.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), host.settings(), Duration.ofMillis(30),
                TextFiles.local(), name -> nvml, MeterFixture.PCI_ORDER, MeterClock.system());
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("cpu: measured-rapl — RAPL intel-rapl:0 (package-0)"), out);
        assertTrue(out.contains("ram: measured-rapl — RAPL intel-rapl:0:0 (dram-0)"), out);
        assertTrue(out.contains("GPU 1 NVIDIA A100-SXM4-40GB GPU-bbbb"), out);
        assertTrue(out.contains("verdict: CPU energy is measured (RAPL); GPU energy is measured"), out);
        assertEquals(2, m.gpuJoulesByDevice().size());
        assertEquals(nvml.inits, nvml.shutdowns);
    }

    @Test
    void bareHost_probeSaysWhatIsEstimatedAndWhy() throws Exception {
        MeterFixture host = new MeterFixture(dir);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MeterProbe.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), host.settings(), Duration.ofMillis(10),
                TextFiles.local(), MeterFixture.NO_NVML, MeterFixture.PCI_ORDER, MeterClock.system());
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("no RAPL package zone") && out.contains("not loadable"), out);
        assertTrue(out.contains("verdict: no RAPL readable: CPU energy is an estimate (TDP model); no GPU: GPU energy is absent"), out);
        assertTrue(out.contains("gpu: absent (counted as 0 J)"), out);
    }
}
