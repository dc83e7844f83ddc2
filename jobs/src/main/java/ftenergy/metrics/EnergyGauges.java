package ftenergy.metrics;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import ftenergy.live.LiveAttempt;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Gauges of this JVM's {@link LiveAttempt}, read when a sink reports: each reads the meter's last
 * published reading or the attempt's counters, never samples. With no attempt in flight every
 * gauge reads 0, so a sink always gets numbers.
 *
 * <p>Names in the registry ({@link #NAMES}); Spark's metrics system prefixes them with
 * {@code <spark.metrics.namespace>.<executor id>.plugin.ftenergy.metrics.EnergyPlugin.}, and its
 * PrometheusServlet turns every character but letters and digits into {@code _}.
 */
final class EnergyGauges {

    /** Every gauge name, in registration order. */
    static final List<String> NAMES = List.of("cpu.watts", "gpu.watts", "ram.watts", "cpu.joules",
            "gpu.joules", "ram.joules", "tokens_padded_per_second", "steps", "tokens_padded", "attempt.in_flight",
            "attempt.number", "attempt.task_attempt", "attempt.run_id_prefix");

    /** Hex digits of a run id that fit a double exactly (52 bits). */
    private static final int RUN_ID_PREFIX_DIGITS = 13;

    private EnergyGauges() {}

    /** Registers the gauges of {@link #NAMES} in {@code registry}. */
    static void register(MetricRegistry registry) {
        real(registry, "cpu.watts", a -> a.energy().cpuWatts());
        real(registry, "gpu.watts", a -> a.energy().gpuWatts());
        real(registry, "ram.watts", a -> a.energy().ramWatts());
        real(registry, "cpu.joules", a -> a.energy().cpuJoules());
        real(registry, "gpu.joules", a -> a.energy().gpuJoules());
        real(registry, "ram.joules", a -> a.energy().ramJoules());
        real(registry, "tokens_padded_per_second", a -> a.progress().tokensPaddedPerSecond());
        integer(registry, "steps", a -> a.progress().steps());
        integer(registry, "tokens_padded", a -> a.progress().tokensPadded());
        integer(registry, "attempt.in_flight", a -> 1);
        integer(registry, "attempt.number", a -> a.identity().attempt());
        integer(registry, "attempt.task_attempt", LiveAttempt::taskAttempt);
        integer(registry, "attempt.run_id_prefix", a -> runIdPrefix(a.identity().runId()));
    }

    /**
     * The run id's first {@value #RUN_ID_PREFIX_DIGITS} hex digits as a number, which a metrics
     * system stores exactly ({@code printf '%013x'} gives them back); 0 for a run id that does not
     * start with that many hex digits.
     */
    static long runIdPrefix(String runId) {
        if (runId.length() < RUN_ID_PREFIX_DIGITS) {
            return 0;
        }
        try {
            return Long.parseLong(runId.substring(0, RUN_ID_PREFIX_DIGITS), 16);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A real-valued gauge: 0 when idle; a non-finite value (which no sink may export) reads 0 too. */
    private static void real(MetricRegistry registry, String name, ToDoubleFunction<LiveAttempt> read) {
        registry.register(name, (Gauge<Double>) () -> LiveAttempt.inFlight().map(a -> {
            double value = read.applyAsDouble(a);
            return Double.isFinite(value) ? value : 0.0;
        }).orElse(0.0));
    }

    /** A whole-number gauge: 0 when idle. */
    private static void integer(MetricRegistry registry, String name, ToLongFunction<LiveAttempt> read) {
        registry.register(name, (Gauge<Long>) () -> LiveAttempt.inFlight().map(read::applyAsLong).orElse(0L));
    }
}
