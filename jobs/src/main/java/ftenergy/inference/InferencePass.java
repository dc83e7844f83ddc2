package ftenergy.inference;

import ftenergy.meter.EnergyUnit;
import java.util.List;

/**
 * One measurement of {@link InferenceJob} over the table at one batch size. Its energy is its
 * partitions' batch windows (model loading left out), and every count is over what those windows
 * measured: the rows of the table, predicted once or, in a partition whose pass was too short to
 * measure, several times ({@link #passesPerPartition}).
 *
 * @param batchSize requested batch size (a partition's last batch may be smaller)
 * @param rows rows of the table, each predicted (and output) once
 * @param examples examples predicted in the measured windows: the rows, times the passes of their partition
 * @param batches forward passes
 * @param tokens real tokens of all examples
 * @param seconds forward-pass seconds, summed over batches
 * @param joules metered energy of the batches: their partitions' batch windows, model loading left out
 * @param loadJoules metered energy of loading the model, once per partition
 * @param passesPerPartition passes each partition made over its rows, in partition order
 * @param device device of the first partition
 * @param energySource how the energy was obtained
 */
public record InferencePass(int batchSize, long rows, long examples, long batches, long tokens, double seconds, double joules,
        double loadJoules, List<Integer> passesPerPartition, String device, String energySource) {

    public InferencePass {
        passesPerPartition = List.copyOf(passesPerPartition);
    }

    /** Joules per example: the batches' windows over every example they predicted. */
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
