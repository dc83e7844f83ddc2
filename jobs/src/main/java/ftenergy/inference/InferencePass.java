package ftenergy.inference;

import ftenergy.meter.EnergyUnit;

/**
 * One pass of {@link InferenceJob} over the table at one batch size.
 *
 * @param batchSize requested batch size (a partition's last batch may be smaller)
 * @param examples rows predicted
 * @param batches forward passes
 * @param tokens real tokens of all rows
 * @param seconds forward-pass seconds, summed over batches
 * @param joules metered energy of the batches: their partitions' batch windows, model loading left out
 * @param loadJoules metered energy of loading the model, once per partition
 * @param device device of the first partition
 * @param energySource how the energy was obtained
 */
public record InferencePass(int batchSize, long examples, long batches, long tokens, double seconds, double joules,
        double loadJoules, String device, String energySource) {

    public double joulesPerExample() {
        return examples == 0 ? Double.NaN : joules / examples;
    }

    /** The paper's unit for inference: kWh per 1,000 examples. */
    public double kwhPerThousandExamples() {
        return EnergyUnit.joulesToKwh(joulesPerExample() * 1000);
    }

    public double examplesPerSecond() {
        return seconds > 0 ? examples / seconds : Double.NaN;
    }

    public double joulesPerToken() {
        return tokens == 0 ? Double.NaN : joules / tokens;
    }
}
