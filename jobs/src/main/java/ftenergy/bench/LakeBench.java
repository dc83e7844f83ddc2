package ftenergy.bench;

import ftenergy.lake.LakeTable;
import ftenergy.lake.LakeTables;
import ftenergy.lake.LakeWriter;
import ftenergy.lake.Lakehouse;
import ftenergy.lake.SweepClaim;
import ftenergy.meter.PowerSample;
import ftenergy.run.AttemptResult;
import ftenergy.run.EnergyAccount;
import ftenergy.run.EnergyParts;
import ftenergy.run.EvalPoint;
import ftenergy.run.HostInfo;
import ftenergy.run.Hyperparameters;
import ftenergy.run.ModelSpec;
import ftenergy.run.RunKind;
import ftenergy.run.RunProvenance;
import ftenergy.run.RunRecord;
import ftenergy.run.RunSpec;
import ftenergy.run.RunStatus;
import ftenergy.run.StepRecord;
import ftenergy.run.WorkCounts;
import ftenergy.sweep.SweepStateReader;
import io.delta.kernel.Table;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;

/**
 * How reading the run tables scales with a sweep's history: a lakehouse of {@code runs} runs, each
 * committed the way a sweep commits it (one Delta Kernel append per run to each of the four run
 * tables, so each table has {@code runs} commits and data files; tables checkpoint every 10
 * commits, as they now do: without, each append replays the whole log and building 10,000 slows
 * to a crawl), read three ways side by side: with its checkpoints set aside (what a history that
 * never checkpointed gives: every read replays every JSON commit and opens every file), with a
 * checkpoint at its latest version, and after compaction ({@code OPTIMIZE}) and a checkpoint. Each
 * way times two reads with Delta's snapshot cache cleared before each, as a new process finds the
 * tables: a query over {@code runs} (count by status) and a sweep's start-up state
 * ({@link SweepStateReader}: the four tables at once). Medians over rounds, and each way's ratio to the first.
 */
public final class LakeBench {

    private static final String SWEEP = "bench-lake";

    /** The times of one way of reading, seconds per round. */
    private record Way(String name, double[] querySeconds, double[] startupSeconds) {}

    private LakeBench() {}

    /**
     * @param spark a session with Delta
     * @param work an empty directory for the lakehouse
     * @param runs run attempts to commit (10,000 in the issue that asked for this bench)
     * @param rounds timed reads per way
     */
    public static void run(SparkSession spark, Path work, int runs, int rounds, PrintStream out) throws IOException {
        Lakehouse lake = new Lakehouse(spark, work.resolve("lakehouse").toString());
        lake.create();
        List<LakeTable> tables = List.of(LakeTables.RUNS, LakeTables.STEPS, LakeTables.POWER_SAMPLES, LakeTables.EVALS);
        long built = System.nanoTime();
        build(lake, runs, out);
        out.printf(Locale.ROOT, "bench lake: %d runs committed one by one to each run table in %.0f s%n", runs,
                (System.nanoTime() - built) / 1e9);
        checkpointLatest(spark, lake, tables);
        List<Way> ways = new ArrayList<>();
        // The same tables as if they had never checkpointed (what Kernel appends at interval 100 left):
        // their checkpoints set aside, every read replays every JSON commit.
        Path aside = Files.createDirectories(work.resolve("checkpoints-aside"));
        List<Path[]> moved = setAside(lake, tables, aside);
        ways.add(measure("no checkpoint", lake, rounds));
        for (Path[] move : moved) {
            Files.move(move[1], move[0]);
        }
        ways.add(measure("checkpointed", lake, rounds));
        lake.optimize(tables);
        checkpointLatest(spark, lake, tables);
        ways.add(measure("compacted + checkpointed", lake, rounds));
        print(ways, runs, out);
    }

    /** A checkpoint of each table at its latest version, as the one its next reader starts from. */
    private static void checkpointLatest(SparkSession spark, Lakehouse lake, List<LakeTable> tables) throws IOException {
        Engine engine = DefaultEngine.create(spark.sparkContext().hadoopConfiguration());
        for (LakeTable table : tables) {
            Table kernelTable = Table.forPath(engine, lake.path(table));
            long version = kernelTable.getLatestSnapshot(engine).getVersion();
            if (!Files.exists(Path.of(lake.path(table), "_delta_log", String.format(Locale.ROOT, "%020d.checkpoint.parquet", version)))) {
                kernelTable.checkpoint(engine, version);
            }
        }
    }

    /** Moves each table's checkpoint files (and their checksums) into {@code aside}; returns each move, from and to. */
    private static List<Path[]> setAside(Lakehouse lake, List<LakeTable> tables, Path aside) throws IOException {
        List<Path[]> moved = new ArrayList<>();
        for (LakeTable table : tables) {
            Path log = Path.of(lake.path(table), "_delta_log");
            Path to = Files.createDirectories(aside.resolve(table.name()));
            try (var files = Files.list(log)) {
                for (Path file : files.filter(f -> f.getFileName().toString().contains("checkpoint")).toList()) {
                    Path target = to.resolve(file.getFileName());
                    Files.move(file, target);
                    moved.add(new Path[] {file, target});
                }
            }
        }
        return moved;
    }

    /** Commits run {@code i}'s rows as the sweep's committer does, one batch per run. */
    private static void build(Lakehouse lake, int runs, PrintStream out) {
        LakeWriter writer = new LakeWriter(lake, LakeWriter.Appends.KERNEL);
        SweepClaim claim = writer.claim(SWEEP);
        long lastPrint = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            writer.appendBatch(List.of(attempt(i)), claim);
            if (System.nanoTime() - lastPrint > 30_000_000_000L) {
                lastPrint = System.nanoTime();
                out.printf(Locale.ROOT, "bench lake: %d/%d runs committed%n", i + 1, runs);
                out.flush();
            }
        }
    }

    /**
     * The rows of a small fine-tune as a sweep records them: its runs row, 20 steps, 20 power
     * samples and two evaluations. Their values do not matter here, only their shape and number.
     */
    private static AttemptResult attempt(int i) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * i);
        RunSpec spec = new RunSpec(String.format(Locale.ROOT, "bench%011d", i), SWEEP, RunKind.FINETUNE, "bench-task",
                new ModelSpec("bert-2l-64h", 2, 64, 2, 256, "run:bench-pretrain"),
                new Hyperparameters(1e-3, 16, 1, 0, 128, 0.1, 0.01, false), i, 0, List.of("bench-pretrain"), null);
        List<StepRecord> steps = new ArrayList<>();
        List<PowerSample> samples = new ArrayList<>();
        for (int s = 1; s <= 20; s++) {
            Instant at = start.plusSeconds(s);
            steps.add(new StepRecord(s, 0, 16, 96, 1200, 1536, 1.0 / s, 1e-3, 1.0, 20.0, at));
            samples.add(new PowerSample(at, "cpu", "package-0", 20.0, 20.0 * s));
        }
        EnergyAccount energy = new EnergyAccount(1e-4, 0, 1e-5, "estimated-tdp", "absent", "estimated-ram", 1.0, 1.0, "USA", 380);
        RunRecord run = new RunRecord(spec, 1, 150_000, new HostInfo("bench-host", "bench CPU", "none", List.of(), 2), start,
                start.plusSeconds(21), new WorkCounts(20, 320, 24_000, 30_720, 3_072), energy,
                new EnergyParts(1e-5, 9e-5, 1e-5, 0), "accuracy", 0.8, RunStatus.SUCCEEDED, null, null,
                new RunProvenance("bench", "bench", "bench", "bench", "bench"));
        return new AttemptResult(run, steps, samples, List.of(new EvalPoint(10, "accuracy", 0.7, 5e-5, 2e-5),
                new EvalPoint(20, "accuracy", 0.8, 1.1e-4, 4e-5)));
    }

    private static Way measure(String name, Lakehouse lake, int rounds) {
        double[] query = new double[rounds];
        double[] startup = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            DeltaLog.clearCache();
            long start = System.nanoTime();
            lake.read(LakeTables.RUNS).groupBy("status").count().collectAsList();
            query[round] = (System.nanoTime() - start) / 1e9;
            DeltaLog.clearCache();
            start = System.nanoTime();
            SweepStateReader.read(lake, SWEEP);
            startup[round] = (System.nanoTime() - start) / 1e9;
        }
        return new Way(name, query, startup);
    }

    private static void print(List<Way> ways, int runs, PrintStream out) {
        out.printf(Locale.ROOT, "%-26s %14s %8s %16s %8s%n", "runs table read as", "query runs (s)", "ratio", "sweep start (s)",
                "ratio");
        double query0 = median(ways.get(0).querySeconds());
        double startup0 = median(ways.get(0).startupSeconds());
        for (Way way : ways) {
            double query = median(way.querySeconds());
            double startup = median(way.startupSeconds());
            out.printf(Locale.ROOT, "%-26s %14.2f %8.2f %16.2f %8.2f%n", way.name(), query, query / query0, startup,
                    startup / startup0);
        }
        out.printf(Locale.ROOT, "%d runs; medians over %d rounds, Delta's snapshot cache cleared before each read%n", runs,
                ways.get(0).querySeconds().length);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
