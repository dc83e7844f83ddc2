package ftenergy.lake;

import static ftenergy.lake.RunsTable.finite;
import static ftenergy.lake.RunsTable.timestamp;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.time.Instant;
import java.util.List;

/** The {@code sweeps} table: one row per submission of a sweep, each column's value next to its name. */
public final class SweepsTable {

    private SweepsTable() {}

    /** What a {@code sweeps} row is made from: a submission, running (no end) or ended. */
    public interface Submission {
        String sweepId();

        String submissionId();

        Instant startedAt();

        /** Null while it runs. */
        Instant endedAt();

        String master();

        String codeVersion();

        String configHash();

        int planned();

        /** Runs an earlier submission had finished; null while it runs. */
        Integer alreadyDone();

        /** Null while it runs. */
        Integer succeeded();

        /** Null while it runs. */
        Integer failed();

        /** Null while it runs. */
        Integer diverged();

        /** Runs left unlaunched as {@code run_id: reason}; null while it runs. */
        List<String> notLaunched();

        /** NaN for none. */
        double budgetKwh();

        /** NaN for none. */
        double budgetCo2Kg();

        double spentKwh();

        double spentCo2Kg();

        /** Whether the budget stopped launches; false while it runs. */
        boolean budgetSpent();
    }

    public static final TableColumns<Submission> COLUMNS = TableColumns.<Submission>builder()
            .key("sweep_id", StringType, "the sweep submitted", Submission::sweepId)
            .key("submission_id", StringType, "one submission of it (random)", Submission::submissionId)
            .add("started_at", TimestampType, "when the submission started launching", s -> timestamp(s.startedAt()))
            .add("ended_at", TimestampType, "when it ended; null: still running, or the driver died", s -> timestamp(s.endedAt()))
            .add("master", StringType, "Spark master it ran on", Submission::master)
            .add("code_version", StringType, "ftenergy version", Submission::codeVersion)
            .add("config_hash", StringType, "hash of every configuration value that changes a result", Submission::configHash)
            .add("planned", IntegerType, "runs the config expands to", Submission::planned)
            .add("already_done", IntegerType, "runs an earlier submission had finished", Submission::alreadyDone)
            .add("succeeded", IntegerType, "runs that succeeded in this submission", Submission::succeeded)
            .add("failed", IntegerType, "runs whose every attempt failed", Submission::failed)
            .add("diverged", IntegerType, "runs that diverged", Submission::diverged)
            .add("not_launched", createArrayType(StringType), "runs left unlaunched, as 'run_id: reason'",
                    s -> s.notLaunched() == null ? null : s.notLaunched().toArray(String[]::new))
            .add("budget_kwh", DoubleType, "energy budget of the sweep, null for none", s -> finite(s.budgetKwh()))
            .add("budget_co2_kg", DoubleType, "emissions budget of the sweep, null for none", s -> finite(s.budgetCo2Kg()))
            .add("spent_kwh", DoubleType, "software energy of the sweep's recorded attempts, failed ones included: at the"
                    + " start, of those recorded before; at the end, plus those this submission recorded", Submission::spentKwh)
            .add("spent_co2_kg", DoubleType, "emissions of the same attempts", Submission::spentCo2Kg)
            .add("budget_spent", BooleanType, "whether the budget stopped launches", Submission::budgetSpent)
            .build();

    public static final LakeTable TABLE = new LakeTable("sweeps", COLUMNS.schema(), COLUMNS.keys(), List.of(),
            "one row per submission of a sweep");
}
