package ftenergy.analyze;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import ftenergy.meter.EnergyUnit;
import ftenergy.run.RunKind;
import org.apache.spark.sql.Column;

/**
 * What an inference run's energy per example is, defined once for every table and output: the
 * batches' window ({@code energy_kwh} less {@code energy_setup_kwh}, loading the model: a one-off
 * per deployment, which over a few hundred examples can outweigh the inferences themselves) over
 * every example the batches predicted ({@code examples}, repeated passes included). The same
 * quantity as {@code PartitionMeasurement.joulesPerExample()} and {@code ftenergy infer}'s J/example.
 */
public final class InferenceEnergy {

    private InferenceEnergy() {}

    /** kWh of an inference run's batches: {@code energy_kwh - energy_setup_kwh} (a missing setup part counts 0). */
    public static Column batchesKwh() {
        return col("energy_kwh").minus(coalesce(col("energy_setup_kwh"), lit(0.0)));
    }

    /** Joules per example of an inference run's batches; null without examples. */
    public static Column joulesPerExample() {
        return batchesKwh().multiply(EnergyUnit.JOULES_PER_KWH).divide(when(col("examples").gt(0), col("examples")));
    }

    /**
     * The energy a run's rates divide: a training run's whole window ({@code energy_kwh}), an
     * inference run's batches ({@link #batchesKwh()}).
     */
    public static Column rateKwh() {
        return when(col("kind").equalTo(RunKind.INFERENCE.label()), batchesKwh()).otherwise(col("energy_kwh"));
    }
}
