package ftenergy.lake;

import static ftenergy.lake.RunsTable.timestamp;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import ftenergy.run.StepRecord;
import java.util.List;

/** The {@code steps} table: one row per optimisation step (inference: per batch), each column's value next to its name. */
public final class StepsTable {

    private StepsTable() {}

    public static final TableColumns<AttemptRow<StepRecord>> COLUMNS = TableColumns.<AttemptRow<StepRecord>>builder()
            .key("run_id", StringType, "run", r -> r.attempt().runId())
            .key("attempt", IntegerType, "attempt", r -> r.attempt().attempt())
            .key("step", LongType, "1-based optimisation step", r -> r.item().step())
            .add("epoch", IntegerType, "0-based epoch (inference: 0-based pass over the examples)", r -> r.item().epoch())
            .add("batch_size", IntegerType, "examples in the batch", r -> r.item().batchSize())
            .add("seq_len", IntegerType, "padded length of the batch", r -> r.item().seqLen())
            .add("tokens_real", LongType, "non-padding tokens", r -> r.item().tokensReal())
            .add("tokens_padded", LongType, "batch_size x seq_len", r -> r.item().tokensPadded())
            .add("loss", DoubleType, "training loss", r -> r.item().loss())
            .add("lr", DoubleType, "learning rate applied", r -> r.item().learningRate())
            .add("step_seconds", DoubleType, "wall seconds of the step", r -> r.item().stepSeconds())
            .add("energy_j", DoubleType, "meter energy of the step, joules (extrapolated between meter samples)",
                    r -> r.item().energyJoules())
            .add("at", TimestampType, "end of the step", r -> timestamp(r.item().at()))
            .required("sweep_id", StringType, "sweep of the run (as runs.sweep_id)", r -> r.attempt().sweepId())
            .build();

    public static final LakeTable TABLE = new LakeTable("steps", COLUMNS.schema(), COLUMNS.keys(), List.of(),
            "one row per optimisation step");
}
