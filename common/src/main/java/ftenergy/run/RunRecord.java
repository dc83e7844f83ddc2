package ftenergy.run;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * The outcome of one run attempt: a row of {@code runs}, before the lakehouse flattens it.
 *
 * @param spec what was planned
 * @param attempt 1-based attempt number
 * @param modelParams number of trainable parameters
 * @param host where it ran
 * @param startedAt start of the metered window
 * @param endedAt end of the metered window
 * @param steps optimisation steps taken (inference: forward passes)
 * @param examples examples processed, counting repeats across epochs
 * @param tokensReal non-padding tokens processed
 * @param tokensPadded tokens processed including dynamic padding
 * @param energy energy, its provenance and emissions
 * @param setupKwh of {@code energy}'s software kWh, what came before the training loop or the first inference
 *     batch (loading the model, tokenizer and data), measured as a window of its own; NaN when not measured
 * @param metricName the run's headline metric (accuracy, f1, mlm_loss, ...)
 * @param metricValue its final value (NaN when none)
 * @param status succeeded, failed or diverged
 * @param error the failure message, or {@code null}
 * @param stopReason why the run ended before its planned steps (its stop rule was met), or {@code null}
 * @param codeVersion version of ftenergy that produced it
 * @param configHash hash of the resolved sweep config
 */
public record RunRecord(
        RunSpec spec,
        int attempt,
        long modelParams,
        HostInfo host,
        Instant startedAt,
        Instant endedAt,
        long steps,
        long examples,
        long tokensReal,
        long tokensPadded,
        EnergyAccount energy,
        double setupKwh,
        String metricName,
        double metricValue,
        RunStatus status,
        String error,
        String stopReason,
        String codeVersion,
        String configHash)
        implements Serializable {

    public double durationSeconds() {
        return Duration.between(startedAt, endedAt).toNanos() / 1e9;
    }
}
