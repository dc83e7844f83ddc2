package ftenergy.sweep;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import ftenergy.lake.LakeTable;
import ftenergy.lake.LakeTables;
import ftenergy.lake.Lakehouse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * Reads what the lakehouse already records for a sweep, so a re-submission only finishes what is
 * missing. Attempt numbers also count attempts whose commit stopped before their {@code runs} row:
 * their child rows stay, so a retry must take a number no table has seen.
 */
public final class SweepStateReader {

    private SweepStateReader() {}

    public static SweepState read(Lakehouse lake, String sweepId) {
        List<Row> rows = lake.read(LakeTables.RUNS)
                .where(col("sweep_id").equalTo(sweepId))
                .select("run_id", "attempt", "status", "energy_kwh", "co2_kg")
                .collectAsList();
        Set<String> succeeded = new HashSet<>();
        Set<String> finished = new HashSet<>();
        Map<String, Integer> lastAttempt = new HashMap<>();
        double kwh = 0;
        double co2 = 0;
        for (Row row : rows) {
            String runId = row.getString(0);
            String status = row.getString(2);
            lastAttempt.merge(runId, row.getInt(1), Math::max);
            if (status.equals("succeeded")) {
                succeeded.add(runId);
                finished.add(runId);
            } else if (status.equals("diverged")) {
                finished.add(runId);
            }
            kwh += row.isNullAt(3) ? 0 : row.getDouble(3);
            co2 += row.isNullAt(4) ? 0 : row.getDouble(4);
        }
        for (LakeTable child : List.of(LakeTables.STEPS, LakeTables.POWER_SAMPLES, LakeTables.EVALS)) {
            // Child tables carry no sweep id: the scan reads every run's two key columns once per submission.
            for (Row row : lake.read(child).groupBy("run_id").agg(max("attempt")).collectAsList()) {
                lastAttempt.merge(row.getString(0), row.getInt(1), Math::max);
            }
        }
        return new SweepState(succeeded, finished, lastAttempt, kwh, co2);
    }
}
