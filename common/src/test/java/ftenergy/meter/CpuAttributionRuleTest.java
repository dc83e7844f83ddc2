package ftenergy.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.meter.internal.TextFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One CPU attribution rule for measured and modelled host energy: a process is charged the host's
 * CPU energy × its CPU time / the host's busy CPU time. The same CPU-time pattern is played on a
 * host with RAPL counters and on one without (TDP model); the RAPL packages are made to draw what
 * the model says, so the two must charge every process the same joules, idle power included.
 */
class CpuAttributionRuleTest {
    private static final String[] PACKAGES = {"intel-rapl:0", "intel-rapl:1"};
    private static final long MAX = 1_000_000_000L; // 1 kJ: the counters wrap during the test
    private static final int CPUS = 8;
    private static final int TICKS_PER_SECOND = CPUS * 100;
    /** EPYC 7742: 225 W per socket in the TDP table, two sockets. */
    private static final double HOST_TDP_WATTS = 450;

    @TempDir
    Path dir;

    /** One second of CPU time: ticks of each metered process, and of everything else on the host. */
    private record Second(long[] processTicks, long otherTicks) {
        long busy() {
            long sum = otherTicks;
            for (long t : processTicks) {
                sum += t;
            }
            return sum;
        }
    }

    private static Second second(long otherTicks, long... processTicks) {
        return new Second(processTicks, otherTicks);
    }

    /** What the TDP model says the host's packages draw in a second, in joules. */
    private static double modelledHostJoules(Second s) {
        return HOST_TDP_WATTS * (0.21 + 0.79 * s.busy() / (double) TICKS_PER_SECOND);
    }

    /** The CPU joules each process's meter reports over the pattern. */
    private double[] play(String name, boolean rapl, List<Second> pattern) {
        int processes = pattern.get(0).processTicks().length;
        FakeClock clock = new FakeClock();
        FakeSysfs sysfs = new FakeSysfs(dir.resolve(name + "/sys"));
        if (rapl) {
            sysfs.zone(PACKAGES[0], "package-0", MAX - 100_000_000L, MAX).zone(PACKAGES[1], "package-1", 7, MAX);
        }
        List<FakeProcfs> procs = new ArrayList<>();
        List<EnergyMeter> meters = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            FakeProcfs proc = new FakeProcfs(dir.resolve(name + "/proc-" + p), "AMD EPYC 7742 64-Core Processor", 2, CPUS);
            procs.add(proc);
            MeterSettings settings = MeterSettings.defaults().withRoots(sysfs.root(), proc.root());
            meters.add(EnergyMeter.open(settings, List.of(), TextFiles.local(), MeterFixture.NO_NVML, MeterFixture.PCI_ORDER, clock, false));
        }
        try {
            for (EnergyMeter m : meters) {
                assertEquals(rapl ? "measured-rapl" : "estimated-tdp", m.provenance().get("cpu"));
                m.begin("w");
            }
            long[] ticks = new long[processes];
            long hostBusy = 0;
            long hostTotal = 0;
            for (Second s : pattern) {
                hostBusy += s.busy();
                hostTotal += TICKS_PER_SECOND;
                for (int p = 0; p < processes; p++) {
                    ticks[p] += s.processTicks()[p];
                    procs.get(p).process(ticks[p], 1024 * 1024);
                    procs.get(p).host(hostBusy, hostTotal, 64L * 1024 * 1024, 8L * 1024 * 1024);
                }
                if (rapl) {
                    long microJoules = Math.round(modelledHostJoules(s) * 1e6);
                    sysfs.addEnergy(PACKAGES[0], microJoules / 2, MAX);
                    sysfs.addEnergy(PACKAGES[1], microJoules - microJoules / 2, MAX);
                }
                clock.advance(Duration.ofSeconds(1));
                meters.forEach(EnergyMeter::sample);
            }
            double[] joules = new double[processes];
            for (int p = 0; p < processes; p++) {
                joules[p] = meters.get(p).end("w").cpuJoules();
            }
            return joules;
        } finally {
            meters.forEach(EnergyMeter::close);
        }
    }

    private void assertSameSplit(List<Second> pattern, double[] expectedShares) {
        double[] rapl = play("rapl", true, pattern);
        double[] tdp = play("tdp", false, pattern);
        double host = pattern.stream().mapToDouble(CpuAttributionRuleTest::modelledHostJoules).sum();
        double charged = 0;
        for (int p = 0; p < rapl.length; p++) {
            assertEquals(expectedShares[p] * host, rapl[p], 1e-5, "process " + p + " under RAPL");
            assertEquals(expectedShares[p] * host, tdp[p], 1e-5, "process " + p + " under the TDP model");
            charged += tdp[p];
        }
        assertTrue(charged <= host + 1e-9, charged + " J charged of a host's " + host + " J");
    }

    @Test
    void loneRun_isChargedTheWholeHostIdlePowerIncludedUnderBothSources() {
        // a quarter, then all, then an eighth of the host's CPUs: the run is all the busy time there is
        List<Second> pattern = List.of(second(0, 200), second(0, 800), second(0, 100));
        assertSameSplit(pattern, new double[] {1.0});
    }

    @Test
    void twoRunsAndOtherLoad_splitByBusyTimeTheSameUnderBothSources() {
        List<Second> pattern = List.of(
                second(100, 300, 100),
                second(0, 50, 450),
                second(0, 0, 0),
                second(200, 400, 200));
        double[] hostJoules = pattern.stream().mapToDouble(CpuAttributionRuleTest::modelledHostJoules).toArray();
        double host = 0;
        for (double j : hostJoules) {
            host += j;
        }
        // each second's host energy split by busy ticks; the idle second is charged to nobody and
        // the other load keeps its share
        double a = hostJoules[0] * 300 / 500 + hostJoules[1] * 50 / 500 + hostJoules[3] * 400 / 800;
        double b = hostJoules[0] * 100 / 500 + hostJoules[1] * 450 / 500 + hostJoules[3] * 200 / 800;
        assertSameSplit(pattern, new double[] {a / host, b / host});
    }
}
