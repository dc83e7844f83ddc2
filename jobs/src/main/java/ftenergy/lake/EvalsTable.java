package ftenergy.lake;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import ftenergy.run.EvalPoint;
import java.util.List;

/** The {@code evals} table: one row per evaluation point, each column's value next to its name. */
public final class EvalsTable {

    private EvalsTable() {}

    public static final TableColumns<AttemptRow<EvalPoint>> COLUMNS = TableColumns.<AttemptRow<EvalPoint>>builder()
            .key("run_id", StringType, "run", r -> r.attempt().runId())
            .key("attempt", IntegerType, "attempt", r -> r.attempt().attempt())
            .key("step", LongType, "step of the evaluation", r -> r.item().step())
            .key("metric_name", StringType, "metric", r -> r.item().metricName())
            .add("metric_value", DoubleType, "value", r -> r.item().metricValue())
            .add("energy_kwh_so_far", DoubleType, "software energy of the run so far", r -> r.item().energyKwhSoFar())
            .add("co2_kg_so_far", DoubleType, "emissions of the run so far", r -> r.item().co2KgSoFar())
            .required("sweep_id", StringType, "sweep of the run (as runs.sweep_id)", r -> r.attempt().sweepId())
            .build();

    public static final LakeTable TABLE = new LakeTable("evals", COLUMNS.schema(), COLUMNS.keys(), List.of(),
            "one row per evaluation point");
}
