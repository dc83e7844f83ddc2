package ftenergy.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.gpu.CudaEnvironment;
import ftenergy.gpu.GpuAddressException;
import ftenergy.meter.internal.MeterClock;
import ftenergy.meter.internal.NvmlLoader;
import ftenergy.meter.internal.TextFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GPU a run trains on is the GPU its meter reads: Spark's address goes through NVML (the real
 * reading code against {@link FakeNvml}) to a UUID and a CUDA ordinal under an injected
 * environment. Each fake GPU draws its own power (100 W × (index + 1)), so the joules say which
 * device was read.
 */
class GpuIdentityTest {
    private static final double MILLIJOULE = 1e-3;

    @TempDir
    Path dir;

    private static FakeNvml.Gpu gpu(int index) {
        return new FakeNvml.Gpu("NVIDIA A100-SXM4-80GB", "GPU-" + index + "aaa-uuid", 400_000, true, PowerCurve.constant(100.0 * (index + 1)));
    }

    private static CudaEnvironment env(String visible, String order) {
        Map<String, String> vars = new HashMap<>();
        if (visible != null) {
            vars.put("CUDA_VISIBLE_DEVICES", visible);
        }
        if (order != null) {
            vars.put("CUDA_DEVICE_ORDER", order);
        }
        return CudaEnvironment.of(vars);
    }

    /** GPU joules per device over 2 s and the run's GPU descriptions. */
    private record Metered(Map<String, Double> joules, List<GpuDescription> gpus, List<String> notes) {}

    private Metered meter(MeterFixture host, FakeNvml nvml, List<String> addresses, CudaEnvironment cuda) {
        try (EnergyMeter meter = host.open(addresses, name -> nvml, cuda)) {
            meter.begin("w");
            host.clock.advance(Duration.ofSeconds(2));
            return new Metered(meter.end("w").gpuJoulesByDevice(), meter.host().gpus(), meter.notes());
        }
    }

    @Test
    void visibleDevicesSubset_meterReadsTheAddressedGpuAndTheEngineGetsItsPosition() {
        MeterFixture host = new MeterFixture(dir);
        FakeNvml nvml = new FakeNvml(host.clock, gpu(0), gpu(1), gpu(2), gpu(3));
        CudaEnvironment cuda = env("2,3", "PCI_BUS_ID");
        Metered m = meter(host, nvml, List.of("3"), cuda);
        // NVML index 3 (400 W) was read, not CUDA device 3 nor NVML index 1
        assertEquals(800, m.joules().get("gpu-3"), MILLIJOULE);
        GpuDescription d = m.gpus().get(0);
        assertEquals("GPU-3aaa-uuid", d.uuid());
        assertEquals(3, d.identity().nvmlIndex());
        assertEquals("00000000:40:00.0", d.identity().pciBusId());
        assertEquals(1, d.cudaOrdinal());
        assertEquals(List.of(1), CudaOrdinals.of(List.of("3"), name -> nvml, "fake", cuda));
        assertEquals(nvml.inits, nvml.shutdowns);
    }

    @Test
    void nvmlIndexOrderDiffersFromBusOrder_cudaOrdinalFollowsTheBus() {
        MeterFixture host = new MeterFixture(dir);
        FakeNvml nvml = new FakeNvml(host.clock, gpu(0).onBus(0x81), gpu(1).onBus(0x01));
        CudaEnvironment cuda = env(null, "PCI_BUS_ID");
        Metered m = meter(host, nvml, List.of("0"), cuda);
        assertEquals(200, m.joules().get("gpu-0"), MILLIJOULE);
        assertEquals(1, m.gpus().get(0).cudaOrdinal());
        assertEquals(List.of(1, 0), CudaOrdinals.of(List.of("0", "1"), name -> nvml, "fake", cuda));
    }

    @Test
    void uuidAddressWithIndexEntries_matchedThroughNvml() {
        MeterFixture host = new MeterFixture(dir);
        FakeNvml nvml = new FakeNvml(host.clock, gpu(0), gpu(1), gpu(2));
        CudaEnvironment cuda = env("1,2", "PCI_BUS_ID");
        Metered m = meter(host, nvml, List.of("GPU-2aaa-uuid"), cuda);
        assertEquals(600, m.joules().get("gpu-GPU-2aaa-uuid"), MILLIJOULE);
        assertEquals(1, m.gpus().get(0).cudaOrdinal());
        // and index addresses against UUID entries
        assertEquals(List.of(0), CudaOrdinals.of(List.of("2"), name -> nvml, "fake", env("GPU-2aaa-uuid,GPU-0aaa-uuid", "PCI_BUS_ID")));
    }

    @Test
    void defaultFastestFirstOrder_withSeveralGpus_failsTheEngineSideClearly() {
        MeterFixture host = new MeterFixture(dir);
        FakeNvml nvml = new FakeNvml(host.clock, gpu(0), gpu(1));
        CudaEnvironment cuda = env(null, null);
        GpuAddressException e = assertThrows(GpuAddressException.class, () -> CudaOrdinals.of(List.of("1"), name -> nvml, "fake", cuda));
        assertEquals("1", e.address());
        assertTrue(e.getMessage().contains("CUDA_DEVICE_ORDER is FASTEST_FIRST (unset) and this host has 2 GPUs")
                && e.getMessage().contains("Set CUDA_DEVICE_ORDER=PCI_BUS_ID"), e.getMessage());
        // the meter still reads the addressed GPU, and says it cannot tell the CUDA device
        Metered m = meter(host, nvml, List.of("1"), cuda);
        assertEquals(400, m.joules().get("gpu-1"), MILLIJOULE);
        assertFalse(m.gpus().get(0).identity().cudaVisible());
        assertTrue(m.notes().stream().anyMatch(n -> n.contains("GPU 1 (GPU-1aaa-uuid) is metered but is no CUDA device")), m.notes().toString());
        assertEquals(nvml.inits, nvml.shutdowns);
    }

    @Test
    void addressOutsideVisibleDevices_isMeteredWithANoteAndRefusedForTheEngine() {
        MeterFixture host = new MeterFixture(dir);
        FakeNvml nvml = new FakeNvml(host.clock, gpu(0), gpu(1));
        CudaEnvironment cuda = env("0", "PCI_BUS_ID");
        Metered m = meter(host, nvml, List.of("1"), cuda);
        assertTrue(m.notes().stream().anyMatch(n -> n.contains("CUDA_VISIBLE_DEVICES=0 does not list it")), m.notes().toString());
        GpuAddressException e = assertThrows(GpuAddressException.class, () -> CudaOrdinals.of(List.of("1"), name -> nvml, "fake", cuda));
        assertTrue(e.getMessage().contains("not visible to CUDA in this process"), e.getMessage());
    }

    @Test
    void migInstanceAddress_isRefusedNamingIt() {
        MeterFixture host = new MeterFixture(dir);
        FakeNvml nvml = new FakeNvml(host.clock, gpu(0));
        MeterException e = assertThrows(MeterException.class,
                () -> host.open(List.of("MIG-4f2a-uuid"), name -> nvml, env("MIG-4f2a-uuid", "PCI_BUS_ID")));
        assertEquals("MIG-4f2a-uuid", e.device());
        assertTrue(e.getMessage().contains("energy counter covers the whole physical GPU"), e.getMessage());
        MeterException byAddress = assertThrows(MeterException.class,
                () -> host.open(List.of("MIG-4f2a-uuid"), name -> nvml, env(null, "PCI_BUS_ID")));
        assertTrue(byAddress.getMessage().contains("GPU MIG-4f2a-uuid: a MIG instance"), byAddress.getMessage());
        assertEquals(nvml.inits, nvml.shutdowns);
    }

    @Test
    void gpuInMigMode_isRefusedNamingIndexAndUuid_andTheProbeLeavesItOut() throws Exception {
        MeterFixture host = new MeterFixture(dir);
        FakeNvml nvml = new FakeNvml(host.clock, gpu(0), gpu(1).inMigMode());
        MeterException e = assertThrows(MeterException.class, () -> host.open(List.of("1"), name -> nvml));
        assertEquals("1", e.device());
        assertTrue(e.getMessage().contains("GPU 1 (GPU-1aaa-uuid) is in MIG mode"), e.getMessage());
        assertEquals(nvml.inits, nvml.shutdowns);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Measurement probe = MeterProbe.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), host.settings(), Duration.ofMillis(5),
                TextFiles.local(), name -> nvml, MeterFixture.PCI_ORDER, MeterClock.system());
        assertEquals(List.of("gpu-0"), List.copyOf(probe.gpuJoulesByDevice().keySet()));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("GPU 1 (GPU-1aaa-uuid) is in MIG mode"));
    }

    @Test
    void driverWithoutMigSymbol_meansNoMig() {
        MeterFixture host = new MeterFixture(dir);
        FakeNvml nvml = new FakeNvml(host.clock, gpu(0), gpu(1));
        nvml.noMigSymbol = true;
        Metered m = meter(host, nvml, List.of("1"), env(null, "PCI_BUS_ID"));
        assertEquals(1, m.gpus().get(0).cudaOrdinal());
    }

    @Test
    void noNvml_engineOrdinalFromTheEnvironmentAlone() {
        NvmlLoader none = MeterFixture.NO_NVML;
        assertEquals(List.of(1), CudaOrdinals.of(List.of("5"), none, "absent", env("4,5", "PCI_BUS_ID")));
        assertEquals(List.of(), CudaOrdinals.of(List.of(), none, "absent", env(null, null)));
        // the unmetered GPU's row still says what its address tells
        MeterFixture host = new MeterFixture(dir);
        try (EnergyMeter meter = host.open(List.of("5"), none, env("4,5", "PCI_BUS_ID"))) {
            assertEquals(1, meter.host().gpus().get(0).cudaOrdinal());
            assertEquals(GpuDescription.UNREAD, meter.host().gpus().get(0).name());
        }
    }
}
