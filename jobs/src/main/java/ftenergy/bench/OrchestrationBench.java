package ftenergy.bench;

import ftenergy.meter.HostCpuTime;
import com.typesafe.config.Config;
import ftenergy.config.AppSettings;
import ftenergy.config.ConfigReader;
import ftenergy.config.LayeredConfig;
import ftenergy.lake.Lakehouse;
import ftenergy.plan.SweepSettings;
import ftenergy.prepare.PrepareJob;
import ftenergy.sweep.ClusterCapacity;
import ftenergy.sweep.SweepJob;
import ftenergy.sweep.SweepOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.spark.sql.SparkSession;

/**
 * Orchestration overhead of a sweep of many tiny runs: seconds from a run's task finishing to its
 * rows being committed, seconds from launching a run's Spark job to its task starting, and how
 * busy the cluster was while the runs ran, two ways: its task slots (Spark task time / wall time /
 * slots, whatever the master) and this host's CPUs ({@code /proc/stat}, every process: the
 * cluster's CPUs when the master is local or a loopback cluster). In local mode one metered run
 * runs per JVM at a time, so one of local[2]'s two slots stays idle by design; on a cluster each
 * executor runs its own, and by default one more run per slot waits in Spark's queue. The same
 * sweep runs several times in this JVM after a warm-up sweep, each into its own lakehouse: with
 * rows appended through Delta Kernel (the default), through Spark jobs
 * ({@code ftenergy.lake.appends = spark}), and on a cluster also without queued runs
 * ({@code ftenergy.sweep.queued-runs = 0}). The figures (of the runs phase; data preparation
 * happens before) are printed side by side, with each variant's ratio to the first.
 */
public final class OrchestrationBench {

    /** One sweep's figures. */
    private record Figures(SweepOutcome outcome, double wallSeconds, SlotOccupancy.Busy slots, double hostBusy) {}

    /** A way of running the sweep: a name and the settings that differ from the default. */
    private record Variant(String name, Map<String, String> settings) {}

    private OrchestrationBench() {}

    /**
     * @param spark the session (its master decides the slots)
     * @param dataDir where corpora and tokenizers are cached
     * @param work scratch directory for the benchmark's lakehouses and checkpoints
     * @param runs fine-tuning runs in each sweep (rounded down to a multiple of 5)
     * @param rounds sweeps per variant, the variants' order rotating from round to round
     */
    public static void run(SparkSession spark, Path dataDir, Path work, int runs, int rounds, PrintStream out)
            throws InterruptedException {
        // Loading libtorch and compiling the training and commit paths happen once per JVM, and on a
        // cluster the executors' JVMs live as long as the application: a sweep as large as the
        // measured ones first. Sweeps still got faster the later they ran (on a loopback cluster the
        // first of three identical sweeps took 1.3 to 1.5 times the last), hence the rotation.
        out.printf("orchestration: warming up with %d runs ...%n", runs);
        sweep(spark, dataDir, work.resolve("warm-up"), runs, Map.of());
        List<Variant> variants = new ArrayList<>(List.of(new Variant("kernel", Map.of()),
                new Variant("spark", Map.of("ftenergy.lake.appends", "spark"))));
        if (!spark.sparkContext().isLocal()) {
            variants.add(new Variant("unqueued", Map.of("ftenergy.sweep.queued-runs", "0")));
        }
        Map<String, List<Figures>> figures = new LinkedHashMap<>();
        variants.forEach(variant -> figures.put(variant.name(), new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < variants.size(); i++) {
                Variant variant = variants.get((round + i) % variants.size());
                out.printf("orchestration: round %d/%d, %d tiny runs, %s %s ...%n", round + 1, rounds, runs, variant.name(),
                        variant.settings());
                figures.get(variant.name()).add(sweep(spark, dataDir, work.resolve(variant.name() + "-" + round), runs,
                        variant.settings()));
            }
        }
        out.printf("orchestration on %s (%d task slots; this host: %d CPUs), %d sweep(s) per variant"
                        + " (latencies: over all their runs; the rest: mean of the sweeps):%n",
                spark.sparkContext().master(), ClusterCapacity.of(spark.sparkContext()).taskSlots(), Runtime.getRuntime().availableProcessors(), rounds);
        List<List<Figures>> columns = List.copyOf(figures.values());
        StringBuilder header = new StringBuilder(String.format("  %-40s", ""));
        variants.forEach(variant -> header.append(String.format(" %12s", variant.name())));
        variants.stream().skip(1).forEach(variant -> header.append(String.format(" %18s", variants.get(0).name() + "/" + variant.name())));
        out.println(header);
        StringBuilder counts = new StringBuilder(String.format("  %-40s", "runs succeeded / failed"));
        columns.forEach(sweeps -> counts.append(String.format(" %12s", sweeps.stream().mapToInt(f -> f.outcome().succeeded()).sum()
                + " / " + sweeps.stream().mapToInt(f -> f.outcome().failed()).sum())));
        out.println(counts);
        row(out, "task finished -> committed, median s", columns, sweeps -> quantile(pooled(sweeps, SweepOutcome::commitSeconds), 0.5));
        row(out, "task finished -> committed, p90 s", columns, sweeps -> quantile(pooled(sweeps, SweepOutcome::commitSeconds), 0.9));
        row(out, "launch latency, median s", columns, sweeps -> quantile(pooled(sweeps, SweepOutcome::launchSeconds), 0.5));
        row(out, "launch latency, p90 s", columns, sweeps -> quantile(pooled(sweeps, SweepOutcome::launchSeconds), 0.9));
        row(out, "task slots busy, whole sweep, %", columns, sweeps -> mean(sweeps, f -> 100 * f.slots().wholeWindow()));
        row(out, "task slots busy, runs phase, %", columns, sweeps -> mean(sweeps, f -> 100 * f.slots().runsPhase()));
        row(out, "host CPUs busy, %", columns, sweeps -> mean(sweeps, f -> 100 * f.hostBusy()));
        row(out, "sweep wall time, s", columns, sweeps -> mean(sweeps, Figures::wallSeconds));
        row(out, "runs phase, s", columns, sweeps -> mean(sweeps, f -> f.slots().runsPhaseSeconds()));
        row(out, "start-up (to first run task), s", columns, sweeps -> mean(sweeps, f -> f.slots().startUpSeconds()));
        row(out, "wind-down (after last run task), s", columns, sweeps -> mean(sweeps, f -> f.slots().windDownSeconds()));
    }

    private static List<Double> pooled(List<Figures> sweeps, Function<SweepOutcome, List<Double>> values) {
        return sweeps.stream().flatMap(f -> values.apply(f.outcome()).stream()).toList();
    }

    private static double mean(List<Figures> sweeps, ToDoubleFunction<Figures> figure) {
        return sweeps.stream().mapToDouble(figure).average().orElse(Double.NaN);
    }

    /** One figure per variant, then the first variant's over each other's. */
    private static void row(PrintStream out, String name, List<List<Figures>> columns, ToDoubleFunction<List<Figures>> figure) {
        StringBuilder line = new StringBuilder(String.format("  %-40s", name));
        columns.forEach(sweeps -> line.append(String.format(" %12.3f", figure.applyAsDouble(sweeps))));
        double first = figure.applyAsDouble(columns.get(0));
        columns.stream().skip(1).forEach(sweeps -> line.append(String.format(" %18.2f", first / figure.applyAsDouble(sweeps))));
        out.println(line);
    }

    private static Figures sweep(SparkSession spark, Path dataDir, Path work, int runs, Map<String, String> settings)
            throws InterruptedException {
        Map<String, String> tiny = new HashMap<>(settings);
        tiny.put("ftenergy.lakehouse", work.resolve("lakehouse").toString());
        tiny.put("ftenergy.checkpoints", work.resolve("checkpoints").toString());
        tiny.put("ftenergy.data-dir", dataDir.toString());
        tiny.put("ftenergy.sweep.id", "bench-orchestration-" + System.currentTimeMillis());
        tiny.put("ftenergy.sweep.corpus-max-examples", "200");
        tiny.put("ftenergy.sweep.tokenizer.vocab-size", "2000");
        tiny.put("ftenergy.sweep.teacher.hidden", "32");
        tiny.put("ftenergy.sweep.teacher.intermediate", "64");
        tiny.put("ftenergy.sweep.pretrain.steps", "2");
        tiny.put("ftenergy.sweep.pretrain.max-seq-len", "32");
        tiny.put("ftenergy.sweep.distill.enabled", "false");
        tiny.put("ftenergy.sweep.distill.max-seq-len", "32");
        tiny.put("ftenergy.sweep.finetune.models", "[teacher]");
        tiny.put("ftenergy.sweep.finetune.grid.lr", "[1e-4, 2e-4, 3e-4, 4e-4, 5e-4]");
        tiny.put("ftenergy.sweep.finetune.grid.max-seq-len", "[32]");
        tiny.put("ftenergy.sweep.finetune.grid.batch-size", "[8]");
        List<Integer> seeds = new ArrayList<>();
        for (int i = 1; i <= Math.max(1, runs / 5); i++) {
            seeds.add(i);
        }
        tiny.put("ftenergy.sweep.finetune.seeds", seeds.toString());
        tiny.put("ftenergy.sweep.finetune.max-steps", "2");
        tiny.put("ftenergy.sweep.finetune.max-train-examples", "16");
        tiny.put("ftenergy.sweep.finetune.max-eval-examples", "8");
        tiny.put("ftenergy.sweep.inference.enabled", "false");
        Config config = LayeredConfig.load(null, Map.of(), tiny);
        ConfigReader in = new ConfigReader(config);
        AppSettings app = AppSettings.read(in);
        SweepSettings sweep = SweepSettings.read(in);
        in.finish();
        // Each variant's lakehouse is its own; the bench reads them by path, so none is registered for SQL.
        Lakehouse lake = new Lakehouse(spark, app.lakehouse());
        lake.create();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);
        // Data preparation first and outside the figures (the second sweep would find the tokenizer trained).
        PrepareJob.run(lake, app, sweep, false, quiet);
        HostCpuTime cpuBefore = HostCpuTime.now();
        long wallBefore = System.nanoTime();
        try (SlotOccupancy occupancy = SlotOccupancy.start(spark.sparkContext())) {
            SweepOutcome outcome = SweepJob.run(lake, config, app, sweep, quiet);
            double wall = (System.nanoTime() - wallBefore) / 1e9;
            double hostBusy = HostCpuTime.now().busySince(cpuBefore);
            long runTasks = outcome.succeeded() + outcome.failed() + outcome.diverged();
            return new Figures(outcome, wall, occupancy.busy(runTasks, ClusterCapacity.of(spark.sparkContext()).taskSlots()), hostBusy);
        }
    }

    private static double quantile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size())));
    }
}
