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
 * batches alone, per component and provenance, and the power samples).
 *
 * @param partition partition and task attempt, the prefix of its {@code inference_batch} ids
 * @param host where it ran
 * @param device the device the model ran on
 * @param modelParams the model's parameters
 * @param window the partition's meter window, from before model loading to its last batch
 * @param batchesWindow the meter window over its batches alone: {@code window} less model loading
 * @param batches its batches, in order
 * @param samples the meter's power samples over the window
 * @param runtime the versions of the JVM and engine the partition computed on
 */
public record PartitionMeasurement(String partition, HostInfo host, String device, long modelParams,
        Measurement window, Measurement batchesWindow, List<BatchMeasurement> batches, List<PowerSample> samples,
        RuntimeVersions runtime) implements Serializable {

    public PartitionMeasurement {
        batches = List.copyOf(batches);
        samples = List.copyOf(samples);
    }

    /** Joules of what came before the batches (loading the model): the window less the batches' window. */
    public double loadJoules() {
        return window.totalJoules() - batchesWindow.totalJoules();
    }

    /** Examples the partition predicted. */
    public long examples() {
        return batches.stream().mapToLong(BatchMeasurement::size).sum();
    }
}
