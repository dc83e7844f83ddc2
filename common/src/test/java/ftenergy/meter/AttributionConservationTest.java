package ftenergy.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ftenergy.meter.internal.TextFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two simulated processes on one simulated host, each with its own meter: over a window their
 * shares must add up to what the host's counters say, so a sweep of runs on shared hosts never
 * counts a joule twice.
 */
class AttributionConservationTest {
    private static final long MAX = 1_000_000_000L; // 1 kJ, so the counters wrap during the test
    private static final String[] PACKAGES = {"intel-rapl:0", "intel-rapl:1"};
    private static final String DRAM = "intel-rapl:0:0";
    private static final int CPUS = 8;

    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock();
    private FakeSysfs sysfs;
    private FakeProcfs a;
    private FakeProcfs b;
    private long hostActive;
    private long hostTotal;
    private long ticksA;
    private long ticksB;

    private void host(boolean rapl) {
        sysfs = new FakeSysfs(dir.resolve("sys"));
        if (rapl) {
            sysfs.zone(PACKAGES[0], "package-0", MAX - 150_000_000L, MAX)
                    .zone(PACKAGES[1], "package-1", 3_000, MAX)
                    .zone(DRAM, "dram", MAX - 10_000_000L, MAX);
        }
        a = new FakeProcfs(dir.resolve("proc-a"), "AMD EPYC 7742 64-Core Processor", 2, CPUS);
        b = new FakeProcfs(dir.resolve("proc-b"), "AMD EPYC 7742 64-Core Processor", 2, CPUS);
        // when the meters open, A and B hold all the host's used memory: 1 GiB and 2 GiB
        for (FakeProcfs p : new FakeProcfs[] {a, b}) {
            p.host(0, 0, 64L * 1024 * 1024, 3L * 1024 * 1024);
        }
        a.process(0, 1024 * 1024);
        b.process(0, 2L * 1024 * 1024);
    }

    private EnergyMeter meterFor(FakeProcfs proc) {
        MeterSettings s = MeterSettings.defaults().withRoots(sysfs.root(), proc.root());
        return EnergyMeter.open(s, List.of(), TextFiles.local(), MeterFixture.NO_NVML, MeterFixture.PCI_ORDER, clock, false);
    }

    /**
     * One second: A and B use {@code ta} and {@code tb} ticks, other processes {@code tOther}; the
     * packages and the DIMMs use the given energy; A and B hold the given resident memory of the
     * host's used memory.
     */
    private void second(long ta, long tb, long tOther, long packageUj, long dramUj, long rssAKib, long rssBKib, long usedKib) {
        ticksA += ta;
        ticksB += tb;
        hostActive += ta + tb + tOther;
        hostTotal += CPUS * 100;
        for (FakeProcfs p : new FakeProcfs[] {a, b}) {
            p.host(hostActive, hostTotal, 64L * 1024 * 1024, usedKib);
        }
        a.process(ticksA, rssAKib);
        b.process(ticksB, rssBKib);
        if (packageUj > 0) {
            sysfs.addEnergy(PACKAGES[0], packageUj * 2 / 3, MAX);
            sysfs.addEnergy(PACKAGES[1], packageUj - packageUj * 2 / 3, MAX);
            sysfs.addEnergy(DRAM, dramUj, MAX);
        }
        clock.advance(Duration.ofSeconds(1));
    }

    @Test
    void raplShares_ofTwoProcessesSumToTheHostReading() {
        host(true);
        try (EnergyMeter ma = meterFor(a); EnergyMeter mb = meterFor(b)) {
            ma.begin("w");
            mb.begin("w");
            double hostPackageJ = 0;
            double hostDramJ = 0;
            long[][] plan = {
                {300, 100, 180_000_000L, 9_000_000L, 2_000_000, 1_000_000},
                {50, 450, 220_000_000L, 11_000_000L, 2_000_000, 3_000_000},
                {0, 0, 60_000_000L, 5_000_000L, 2_500_000, 500_000},
                {400, 400, 310_000_000L, 12_000_000L, 1_000_000, 1_000_000},
                {10, 700, 290_000_000L, 12_500_000L, 100_000, 5_000_000},
            };
            for (long[] s : plan) {
                second(s[0], s[1], 0, s[2], s[3], s[4], s[5], s[4] + s[5]);
                hostPackageJ += s[2] / 1e6;
                hostDramJ += s[3] / 1e6;
                ma.sample();
                mb.sample();
            }
            Measurement wa = ma.end("w");
            Measurement wb = mb.end("w");
            assertEquals("measured-rapl", wa.provenance().get("cpu"));
            assertEquals("measured-rapl", wa.provenance().get("ram"));
            // the idle second (no CPU time anywhere) is charged to nobody: 60 J of idle package
            assertEquals(hostPackageJ - 60, wa.cpuJoules() + wb.cpuJoules(), 1e-6);
            assertEquals(hostDramJ, wa.ramJoules() + wb.ramJoules(), 1e-6);
            // and each got its own share, e.g. A's first second: 300 of 400 busy ticks of 180 J
            double expectedA = 180 * 0.75 + 220 * 0.1 + 310 * 0.5 + 290 * 10 / 710.0;
            assertEquals(expectedA, wa.cpuJoules(), 1e-6);
        }
    }

    @Test
    void raplShares_withAThirdProcess_sumToItsRemainder() {
        host(true);
        try (EnergyMeter ma = meterFor(a); EnergyMeter mb = meterFor(b)) {
            ma.begin("w");
            mb.begin("w");
            second(200, 100, 100, 400_000_000L, 8_000_000L, 1_000_000, 1_000_000, 4_000_000);
            second(100, 100, 200, 200_000_000L, 8_000_000L, 1_000_000, 1_000_000, 4_000_000);
            ma.sample();
            mb.sample();
            Measurement wa = ma.end("w");
            Measurement wb = mb.end("w");
            // one reading over both seconds: A and B used 500 of the 800 busy ticks of 600 J
            assertEquals(600.0 * 500 / 800, wa.cpuJoules() + wb.cpuJoules(), 1e-6);
            // memory: all of it at the start, half of it at the end
            assertEquals(16.0 * (1 + 0.5) / 2, wa.ramJoules() + wb.ramJoules(), 1e-6);
        }
    }

    @Test
    void tdpModel_ofTwoProcessesSumsToTheHostModel() {
        host(false);
        try (EnergyMeter ma = meterFor(a); EnergyMeter mb = meterFor(b)) {
            ma.begin("w");
            mb.begin("w");
            double hostModel = 0;
            for (long[] s : new long[][] {{300, 100}, {0, 800}, {350, 350}}) {
                second(s[0], s[1], 0, 0, 0, 1_048_576, 2_097_152, 4_000_000);
                // 2 sockets × 225 W idling at 0.21 of it, busy fraction = ticks / (8 CPUs × 100 ticks/s)
                hostModel += 450.0 * (0.21 + 0.79 * (s[0] + s[1]) / 800.0);
                ma.sample();
                mb.sample();
            }
            Measurement wa = ma.end("w");
            Measurement wb = mb.end("w");
            assertEquals("estimated-tdp", wa.provenance().get("cpu"));
            // A and B are all the busy time there is: together they carry the host's modelled energy
            assertEquals(hostModel, wa.cpuJoules() + wb.cpuJoules(), 1e-9);
            // RSS model: 1 GiB and 2 GiB resident at 0.375 W/GiB for 3 s
            assertEquals(0.375 * 3 * 3, wa.ramJoules() + wb.ramJoules(), 1e-9);
        }
    }
}
