package ftenergy.stats;

import java.util.List;

/**
 * Energy per unit of work for one hardware, kind, model, task and batch size, averaged over runs: a
 * row of {@code energy_rates}. Means are of per-run ratios; CVs (standard deviation / mean across
 * runs) are NaN for a single run. The energy divided is a training run's whole window and an
 * inference run's batches (model loading left out).
 *
 * @param hardware runs.hardware
 * @param kind runs.kind
 * @param model runs.model
 * @param task runs.task
 * @param batchSize runs.batch_size: examples per step, or per forward pass for inference; never pooled
 * @param runs runs averaged
 * @param energyKwhMean mean energy of a run
 * @param energyKwhCv its coefficient of variation across runs
 * @param joulesPerStepMean mean of energy / steps
 * @param joulesPerStepCv its coefficient of variation
 * @param joulesPerPaddedTokenMean mean of energy / tokens_padded
 * @param joulesPerPaddedTokenCv its coefficient of variation
 * @param joulesPerRealTokenMean mean of energy / tokens_real
 * @param joulesPerExampleMean mean of energy / examples
 * @param joulesPerExampleCv its coefficient of variation
 * @param wattsMean mean of energy / duration
 * @param sweepIds sweeps whose runs were used
 */
public record EnergyRate(
        String hardware,
        String kind,
        String model,
        String task,
        int batchSize,
        long runs,
        double energyKwhMean,
        double energyKwhCv,
        double joulesPerStepMean,
        double joulesPerStepCv,
        double joulesPerPaddedTokenMean,
        double joulesPerPaddedTokenCv,
        double joulesPerRealTokenMean,
        double joulesPerExampleMean,
        double joulesPerExampleCv,
        double wattsMean,
        List<String> sweepIds) {

    public EnergyRate {
        sweepIds = List.copyOf(sweepIds);
    }
}
