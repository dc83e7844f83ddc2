package ftenergy.run;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * The outcome of one run attempt of any kind: a row of {@code runs}, before the lakehouse flattens
 * it (and after a reader rebuilt it from one).
 *
 * @param spec what was planned
 * @param attempt 1-based attempt number
 * @param modelParams number of trainable parameters
 * @param host where it ran
 * @param startedAt start of the metered window
 * @param endedAt end of the metered window
 * @param work steps, examples and tokens processed
 * @param energy energy, its provenance and emissions
 * @param parts the software energy split into setup, steps, evaluation and checkpoint
 * @param metricName the run's headline metric (accuracy, f1, mlm_loss, ...)
 * @param metricValue its final value (NaN when none)
 * @param status succeeded, failed or diverged
 * @param error the failure message, or {@code null}
 * @param stopReason why the run ended before its planned steps (its stop rule was met), or {@code null}
 * @param provenance code, configuration, data, tokenizer and runtime versions
 */
public record RunRecord(
        RunSpec spec,
        int attempt,
        long modelParams,
        HostInfo host,
        Instant startedAt,
        Instant endedAt,
        WorkCounts work,
        EnergyAccount energy,
        EnergyParts parts,
        String metricName,
        double metricValue,
        RunStatus status,
        String error,
        String stopReason,
        RunProvenance provenance)
        implements Serializable {

    public double durationSeconds() {
        return Duration.between(startedAt, endedAt).toNanos() / 1e9;
    }
}
