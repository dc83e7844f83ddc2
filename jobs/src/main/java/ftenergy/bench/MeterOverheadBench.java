package ftenergy.bench;

import ftenergy.meter.EnergyMeter;
import ftenergy.meter.MeterSettings;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code ftenergy bench meter}: how much the meter slows a CPU-bound training-like loop. The loop
 * runs in steps and, like the step listener, asks {@link EnergyMeter#joulesSoFar()} after every
 * step; it runs with no meter, with the meter sampling every 1 s, and every 100 ms, alternating
 * the order each round so drift on a shared machine falls on all three alike.
 */
public final class MeterOverheadBench {
    private static final int STEPS_PER_ROUND = 200;

    private MeterOverheadBench() {}

    /**
     * What one run of the benchmark measured.
     *
     * @param rounds rounds run
     * @param baselineSeconds median wall time of the loop without a meter
     * @param wallRatioAt1s wall-time slowdown with 1 s sampling (median of per-round ratios)
     * @param wallRatioAt100ms wall-time slowdown with 100 ms sampling
     * @param cpuRatioAt1s slowdown of the loop thread's own CPU time with 1 s sampling
     * @param cpuRatioAt100ms slowdown of the loop thread's own CPU time with 100 ms sampling
     * @param sampleMicros mean cost of one reading of all sources, on the sampler thread
     */
    public record Result(int rounds, double baselineSeconds, double wallRatioAt1s, double wallRatioAt100ms,
            double cpuRatioAt1s, double cpuRatioAt100ms, double sampleMicros) {}

    /**
     * Runs {@code rounds} rounds of about {@code workPerRound} of loop per condition and prints, per
     * condition, the median over rounds of its time / the baseline's time in the same round, both
     * for wall time and for the loop thread's CPU time. Wall time includes waiting for a core
     * (which the sampler thread can cause only on a saturated machine, and which other load on a
     * shared machine causes anyway); thread CPU time shows the work the meter adds to the loop itself.
     */
    public static Result run(PrintStream out, MeterSettings settings, int rounds, Duration workPerRound) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long iterationsPerStep = calibrate(workPerRound.toNanos() / STEPS_PER_ROUND);
        Duration[] intervals = {null, Duration.ofSeconds(1), Duration.ofMillis(100)};
        String[] names = {"no meter", "meter @ 1 s", "meter @ 100 ms"};
        double[][] wall = new double[3][rounds];
        double[][] cpu = new double[3][rounds];
        long sink = 0;
        // warm-up with and without a meter, so the JIT's profile has seen both before timing
        sink += loop(iterationsPerStep / 10, null);
        try (EnergyMeter meter = EnergyMeter.open(settings, List.of())) {
            sink += loop(iterationsPerStep / 10, meter);
        }
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 3; k++) {
                int c = (r + k) % 3;
                EnergyMeter meter = intervals[c] == null ? null : EnergyMeter.open(settings.withSampleInterval(intervals[c]), List.of());
                try {
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    sink += loop(iterationsPerStep, meter);
                    wall[c][r] = (System.nanoTime() - t0) / 1e9;
                    cpu[c][r] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
                } finally {
                    if (meter != null) {
                        meter.close();
                    }
                }
            }
        }
        double sampleMicros = sampleCostMicros(settings);
        out.printf(Locale.ROOT, "meter overhead: %d rounds × %d steps, %d iterations per step (checksum %d), %d CPUs, load average %.1f%n",
                rounds, STEPS_PER_ROUND, iterationsPerStep, sink & 0xff, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int c = 0; c < 3; c++) {
            out.printf(Locale.ROOT, "  %-15s wall median %.4f s (min %.4f, max %.4f) ratio %.4f | thread CPU median %.4f s ratio %.4f%n",
                    names[c], median(wall[c]), min(wall[c]), Arrays.stream(wall[c]).max().orElseThrow(), pairedRatio(wall[c], wall[0]),
                    median(cpu[c]), pairedRatio(cpu[c], cpu[0]));
        }
        Result result = new Result(rounds, median(wall[0]), pairedRatio(wall[1], wall[0]), pairedRatio(wall[2], wall[0]),
                pairedRatio(cpu[1], cpu[0]), pairedRatio(cpu[2], cpu[0]), sampleMicros);
        out.printf(Locale.ROOT, "  slowdown, wall: %+.2f %% at 1 s, %+.2f %% at 100 ms; loop thread CPU: %+.2f %% at 1 s, %+.2f %% at 100 ms%n",
                (result.wallRatioAt1s() - 1) * 100, (result.wallRatioAt100ms() - 1) * 100,
                (result.cpuRatioAt1s() - 1) * 100, (result.cpuRatioAt100ms() - 1) * 100);
        out.printf(Locale.ROOT, "  one reading of all sources costs %.1f µs on the sampler thread: %.3f %% of a core at 1 s, %.3f %% at 100 ms%n",
                sampleMicros, sampleMicros / 1e4, sampleMicros / 1e3);
        return result;
    }

    /** Median over rounds of metered time / baseline time of the same round: drift between rounds cancels. */
    private static double pairedRatio(double[] metered, double[] baseline) {
        double[] ratios = new double[metered.length];
        for (int r = 0; r < ratios.length; r++) {
            ratios[r] = metered[r] / baseline[r];
        }
        return median(ratios);
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    /** A training-like loop: steps of integer work, the per-step energy asked after each. */
    private static long loop(long iterationsPerStep, EnergyMeter meter) {
        long x = 0x9E3779B97F4A7C15L;
        double joules = 0;
        for (int s = 0; s < STEPS_PER_ROUND; s++) {
            x = step(x, iterationsPerStep);
            if (meter != null) {
                joules += meter.joulesSoFar();
            }
        }
        return x + (long) joules;
    }

    /** One "training step": a method of its own so the JIT compiles it once for every condition. */
    private static long step(long x, long iterations) {
        for (long i = 0; i < iterations; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    /** Iterations per step for {@code nanosPerStep}, measured after the JIT has compiled {@link #step}. */
    private static long calibrate(long nanosPerStep) {
        long x = 1;
        for (int i = 0; i < 20_000; i++) {
            x = step(x, 1_000);
        }
        long iterations = 100_000;
        while (true) {
            long t0 = System.nanoTime();
            x = step(x, iterations);
            long took = System.nanoTime() - t0 + (x == 0 ? 1 : 0);
            if (took > 50_000_000L) {
                return Math.max(1, iterations * nanosPerStep / took);
            }
            iterations *= 2;
        }
    }

    private static double sampleCostMicros(MeterSettings settings) {
        try (EnergyMeter meter = EnergyMeter.open(settings.withSampleInterval(Duration.ofDays(1)), List.of())) {
            int n = 200;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                // A window's edges each take one fresh reading of every source.
                meter.begin("probe");
                meter.end("probe");
            }
            return (System.nanoTime() - t0) / 1e3 / (2 * n);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
