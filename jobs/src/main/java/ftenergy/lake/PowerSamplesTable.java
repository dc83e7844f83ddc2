package ftenergy.lake;

import static ftenergy.lake.RunsTable.timestamp;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import ftenergy.meter.PowerSample;
import java.util.List;

/** The {@code power_samples} table: one row per meter reading per device, each column's value next to its name. */
public final class PowerSamplesTable {

    private PowerSamplesTable() {}

    public static final TableColumns<AttemptRow<PowerSample>> COLUMNS = TableColumns.<AttemptRow<PowerSample>>builder()
            .key("run_id", StringType, "run", r -> r.attempt().runId())
            .key("attempt", IntegerType, "attempt", r -> r.attempt().attempt())
            .key("at", TimestampType, "reading time", r -> timestamp(r.item().at()))
            .key("component", StringType, "cpu | gpu | ram", r -> r.item().component())
            .key("device", StringType, "device within the component", r -> r.item().device())
            .add("watts", DoubleType, "mean power since the previous sample", r -> r.item().watts())
            .add("joules_total", DoubleType, "device energy since the meter opened", r -> r.item().joulesTotal())
            .required("sweep_id", StringType, "sweep of the run (as runs.sweep_id)", r -> r.attempt().sweepId())
            .build();

    public static final LakeTable TABLE = new LakeTable("power_samples", COLUMNS.schema(), COLUMNS.keys(), List.of(),
            "one row per meter reading per device");
}
