package ftenergy.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.run.HostInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GPU energy through the real NVML reading code against a fake library whose power follows
 * analytic curves. Tolerances: the energy counter is exact up to NVML's 1 mJ resolution; power
 * integration (trapezoid rule) is exact for constant and linear power, and off by at most
 * ΔP·Δt/2 for a step of ΔP inside one sampling interval Δt.
 */
class GpuIntegrationAccuracyTest {
    private static final double MILLIJOULE = 1e-3;

    @TempDir
    Path dir;

    private Measurement measure(PowerCurve curve, boolean energyCounter, Duration interval, int intervals) {
        MeterFixture host = new MeterFixture(dir);
        FakeNvml nvml = new FakeNvml(host.clock, new FakeNvml.Gpu("NVIDIA A100-SXM4-40GB", "GPU-aaaa", 400_000, energyCounter, curve));
        try (EnergyMeter meter = host.open(List.of("0"), name -> nvml)) {
            meter.begin("w");
            for (int i = 0; i < intervals; i++) {
                host.clock.advance(interval);
                meter.sample();
            }
            return meter.end("w");
        }
    }

    @Test
    void constantPower_counterAndIntegrationBothExact() {
        PowerCurve curve = PowerCurve.constant(250);
        assertEquals(2500, measure(curve, true, Duration.ofSeconds(1), 10).gpuJoules(), MILLIJOULE);
        assertEquals(2500, measure(curve, false, Duration.ofSeconds(1), 10).gpuJoules(), MILLIJOULE);
    }

    @Test
    void rampPower_trapezoidIsExact() {
        PowerCurve curve = PowerCurve.ramp(100, 20);
        double exact = curve.joules(10);
        assertEquals(exact, measure(curve, true, Duration.ofSeconds(1), 10).gpuJoules(), MILLIJOULE);
        assertEquals(exact, measure(curve, false, Duration.ofSeconds(1), 10).gpuJoules(), MILLIJOULE);
    }

    @Test
    void stepPower_integrationWithinHalfAStepTimesTheInterval() {
        PowerCurve curve = PowerCurve.step(100, 300, 4.3);
        double exact = curve.joules(10);
        assertEquals(exact, measure(curve, true, Duration.ofSeconds(1), 10).gpuJoules(), MILLIJOULE);
        double integrated = measure(curve, false, Duration.ofSeconds(1), 10).gpuJoules();
        assertTrue(Math.abs(integrated - exact) <= 200 * 1.0 / 2 + MILLIJOULE, integrated + " vs " + exact);
        // and the error shrinks with the interval
        double fine = measure(curve, false, Duration.ofMillis(100), 100).gpuJoules();
        assertTrue(Math.abs(fine - exact) <= 200 * 0.1 / 2 + MILLIJOULE, fine + " vs " + exact);
    }

    @Test
    void gpuDescription_andProvenanceFollowTheDevice() {
        MeterFixture host = new MeterFixture(dir);
        FakeNvml nvml = new FakeNvml(host.clock,
                new FakeNvml.Gpu("Quadro RTX 8000", "GPU-bbbb", 260_000, true, PowerCurve.constant(200)),
                new FakeNvml.Gpu("Tesla P100-PCIE-16GB", "GPU-cccc", 250_000, false, PowerCurve.constant(150)));
        try (EnergyMeter meter = host.open(List.of("0"), name -> nvml)) {
            assertEquals("measured-nvml", meter.provenance().get("gpu"));
            GpuDescription gpu = meter.host().gpus().get(0);
            assertEquals("Quadro RTX 8000", gpu.name());
            assertEquals("GPU-bbbb", gpu.uuid());
            assertEquals(260, gpu.powerLimitWatts());
            assertEquals(List.of("0"), HostInfo.of(meter.host(), 1).gpuIds());
            // The runs row names the physical GPU metered and the driver (runs.gpu_uuids, runs.runtime).
            assertEquals(List.of("GPU-bbbb"), HostInfo.of(meter.host(), 1).gpuUuids());
            assertEquals(FakeNvml.DRIVER_VERSION, meter.host().gpuDriver());
        }
        try (EnergyMeter meter = host.open(List.of("0", "GPU-cccc"), name -> nvml)) {
            // one device without a counter makes the component an estimate
            assertEquals("estimated-nvml-power", meter.provenance().get("gpu"));
            assertEquals("Quadro RTX 8000+Tesla P100-PCIE-16GB", meter.host().gpuModel());
            meter.begin("w");
            host.clock.advance(Duration.ofSeconds(2));
            Measurement m = meter.end("w");
            assertEquals(400, m.gpuJoulesByDevice().get("gpu-0"), MILLIJOULE);
            assertEquals(300, m.gpuJoulesByDevice().get("gpu-GPU-cccc"), MILLIJOULE);
        }
        assertEquals(nvml.inits, nvml.shutdowns);
    }

    @Test
    void unknownGpuAddress_failsNamingItAndReleasesNvml() {
        MeterFixture host = new MeterFixture(dir);
        FakeNvml nvml = new FakeNvml(host.clock, new FakeNvml.Gpu("A100", "GPU-aaaa", 400_000, true, PowerCurve.constant(1)));
        MeterException e = assertThrows(MeterException.class, () -> host.open(List.of("3"), name -> nvml));
        assertEquals("3", e.device());
        assertTrue(e.getMessage().contains("1 devices visible"), e.getMessage());
        assertEquals(nvml.inits, nvml.shutdowns);
    }

    @Test
    void failingReads_keepTheLastValueAndAreNotedOnce() {
        MeterFixture host = new MeterFixture(dir);
        FakeNvml nvml = new FakeNvml(host.clock, new FakeNvml.Gpu("A100", "GPU-aaaa", 400_000, true, PowerCurve.constant(100)));
        try (EnergyMeter meter = host.open(List.of("0"), name -> nvml)) {
            meter.begin("w");
            host.clock.advance(Duration.ofSeconds(1));
            meter.sample();
            nvml.failReads = true;
            for (int i = 0; i < 3; i++) {
                host.clock.advance(Duration.ofSeconds(1));
                meter.sample();
            }
            nvml.failReads = false;
            host.clock.advance(Duration.ofSeconds(1));
            // the counter is cumulative, so the energy of the failed seconds comes back
            assertEquals(500, meter.end("w").gpuJoules(), MILLIJOULE);
            assertEquals(1, meter.notes().stream().filter(n -> n.contains("nvmlDeviceGetTotalEnergyConsumption failed")).count());
        }
    }
}
