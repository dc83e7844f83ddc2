package ftenergy.sweep;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import ftenergy.lake.LakeException;
import ftenergy.lake.LakeTable;
import ftenergy.lake.LakeTables;
import ftenergy.lake.Lakehouse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.spark.sql.Row;

/**
 * Reads what the lakehouse already records for a sweep, so a re-submission only finishes what is
 * missing. Attempt numbers also count attempts whose commit stopped before their {@code runs} row:
 * their child rows stay, so a retry must take a number no table has seen.
 */
public final class SweepStateReader {

    private static final List<LakeTable> CHILD_TABLES = List.of(LakeTables.STEPS, LakeTables.POWER_SAMPLES, LakeTables.EVALS);

    private SweepStateReader() {}

    /**
     * Reads the four run tables at once: each query spends most of its time on the driver bringing
     * its table's snapshot up to date, which one after the other made up most of a sweep's start-up.
     */
    public static SweepState read(Lakehouse lake, String sweepId) {
        ExecutorService threads = Executors.newFixedThreadPool(1 + CHILD_TABLES.size(), RunScheduler.daemon("ftenergy-state-read"));
        try {
            CompletableFuture<List<Row>> runs = CompletableFuture.supplyAsync(() -> lake.read(LakeTables.RUNS)
                    .where(col("sweep_id").equalTo(sweepId))
                    .select("run_id", "attempt", "status", "energy_kwh", "co2_kg")
                    .collectAsList(), threads);
            // By run_id, whichever sweep wrote the rows: a new attempt number must pass every child row of its run.
            Map<LakeTable, CompletableFuture<List<Row>>> children = new LinkedHashMap<>();
            for (LakeTable child : CHILD_TABLES) {
                children.put(child, CompletableFuture.supplyAsync(
                        () -> lake.read(child).groupBy("run_id").agg(max("attempt")).collectAsList(), threads));
            }
            Map<String, Integer> lastAttempt = new HashMap<>();
            children.forEach((child, query) -> rows(query, child, lake)
                    .forEach(row -> lastAttempt.merge(row.getString(0), row.getInt(1), Math::max)));
            return fromRuns(rows(runs, LakeTables.RUNS, lake), lastAttempt);
        } finally {
            threads.shutdownNow();
        }
    }

    /** The state the sweep's {@code runs} rows give, attempts numbered past {@code lastAttempt} too. */
    private static SweepState fromRuns(List<Row> rows, Map<String, Integer> lastAttempt) {
        Set<String> succeeded = new HashSet<>();
        Set<String> finished = new HashSet<>();
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
        return new SweepState(succeeded, finished, lastAttempt, kwh, co2);
    }

    private static List<Row> rows(CompletableFuture<List<Row>> query, LakeTable table, Lakehouse lake) {
        return joined(query, "read table '" + table.name() + "' at " + lake.path(table));
    }

    /** The query's result; its failure rethrown on this thread, a checked one (Spark's) saying what failed. */
    static <T> T joined(CompletableFuture<T> query, String what) {
        try {
            return query.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new LakeException("could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}
