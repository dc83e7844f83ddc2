package ftenergy.analyze;

import java.util.List;

/**
 * Settings of {@code ftenergy analyze}.
 *
 * @param sweepIds sweeps to analyse; empty for every sweep in the lakehouse
 * @param minRegressionRows smallest hardware/kind/model group that is regressed (≥ 3)
 * @param parallelFits regressions submitted to Spark at once (≥ 1)
 * @param inferencesPerModel inference counts per fine-tuned model at which distillation
 *     amortization is also evaluated (0, fine-tuning only, is always included)
 */
public record AnalyzeSettings(List<String> sweepIds, int minRegressionRows, int parallelFits, List<Long> inferencesPerModel) {

    public AnalyzeSettings {
        sweepIds = List.copyOf(sweepIds);
        inferencesPerModel = List.copyOf(inferencesPerModel);
    }

    /** Every sweep, groups of ≥ 5 runs, 4 fits at a time, N* at 0, 10 thousand and 1 million inferences. */
    public static AnalyzeSettings defaults() {
        return new AnalyzeSettings(List.of(), 5, 4, List.of(0L, 10_000L, 1_000_000L));
    }

    /** The regression part of these settings. */
    public RegressionSettings regression() {
        return new RegressionSettings(minRegressionRows, parallelFits, sweepIds);
    }

    /** The amortization part of these settings. */
    public AmortizationSettings amortization() {
        return new AmortizationSettings(inferencesPerModel, sweepIds);
    }
}
