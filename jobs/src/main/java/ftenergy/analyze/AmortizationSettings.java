package ftenergy.analyze;

import java.util.List;
import java.util.TreeSet;

/**
 * What {@link AmortizationJob} compares.
 *
 * @param inferencesPerModel inference counts per fine-tuned model to evaluate N* at; 0 means
 *     fine-tuning only and is always evaluated
 * @param sweepIds sweeps to use; empty for all
 */
public record AmortizationSettings(List<Long> inferencesPerModel, List<String> sweepIds) {

    public AmortizationSettings {
        for (long k : inferencesPerModel) {
            if (k < 0) {
                throw new IllegalArgumentException("amortization inferencesPerModel must be >= 0, got " + k);
            }
        }
        TreeSet<Long> counts = new TreeSet<>(inferencesPerModel);
        counts.add(0L);
        inferencesPerModel = List.copyOf(counts);
        sweepIds = List.copyOf(sweepIds);
    }

    /** Fine-tuning only, then 10 thousand and 1 million inferences per model; every sweep. */
    public static AmortizationSettings defaults() {
        return new AmortizationSettings(List.of(0L, 10_000L, 1_000_000L), List.of());
    }
}
