package ftenergy.inference;

import ftenergy.meter.Measurement;
import ftenergy.meter.PowerSample;
import ftenergy.provenance.RuntimeVersions;
import ftenergy.run.HostInfo;
import java.io.Serializable;
import java.util.List;

/**
 * How one {@link BertInference} partition was measured, handed back to the driver through
 * {@link BertInference#transformMeasured}:
 * what the rows' columns cannot carry (the whole window with model loading and the window of the
 * batches alone, per component and provenance, the passes made, and the power samples).
 *
 * @param partition partition and task attempt, the prefix of its {@code inference_batch} ids
 * @param host where it ran
 * @param device the device the model ran on
 * @param modelParams the model's parameters
 * @param window the partition's meter window, from before model loading to its last batch
 * @param batchesWindow the meter window over its batches alone: {@code window} less model loading
 * @param passes passes over the partition's rows: 1, or more when one pass was shorter than
 *     {@link InferencePartition#SAMPLES_PER_MEASUREMENT} meter sample intervals and was repeated
 *     until the batches' window was that long
 * @param batches its batches, every pass's, in order
 * @param samples the meter's power samples over the window
 * @param runtime the versions of the JVM and engine the partition computed on
 */
public record PartitionMeasurement(String partition, HostInfo host, String device, long modelParams,
        Measurement window, Measurement batchesWindow, int passes, List<BatchMeasurement> batches,
        List<PowerSample> samples, RuntimeVersions runtime) implements Serializable {

    public PartitionMeasurement {
        batches = List.copyOf(batches);
        samples = List.copyOf(samples);
    }

    /** Joules of what came before the batches (loading the model): the window less the batches' window. */
    public double loadJoules() {
        return window.totalJoules() - batchesWindow.totalJoules();
    }

    /** Examples predicted, every pass's: what the batches' window measured. */
    public long examples() {
        return batches.stream().mapToLong(BatchMeasurement::size).sum();
    }

    /** Rows of the partition: the examples of its first pass. */
    public long rows() {
        return batches.stream().filter(b -> b.pass() == 1).mapToLong(BatchMeasurement::size).sum();
    }

    /**
     * Energy per example: the batches' window over every example it predicted, repeats included,
     * model loading left out. The J/example of every ftenergy table and output.
     */
    public double joulesPerExample() {
        long examples = examples();
        return examples == 0 ? Double.NaN : batchesWindow.totalJoules() / examples;
    }
}
