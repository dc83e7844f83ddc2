package ftenergy.bench;

import com.typesafe.config.Config;
import ftenergy.config.AppSettings;
import ftenergy.config.ConfigReader;
import ftenergy.config.LayeredConfig;
import ftenergy.lake.Lakehouse;
import ftenergy.lake.LakehouseSession;
import ftenergy.plan.SweepSettings;
import ftenergy.prepare.PrepareJob;
import ftenergy.sweep.SweepJob;
import ftenergy.sweep.SweepOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Orchestration overhead of a sweep of many tiny runs: seconds from a run's task finishing to its
 * rows being committed, seconds from launching a run's Spark job to its task starting, and how
 * busy the cluster was while the runs ran, two ways: its task slots (Spark task time / wall time /
 * slots, whatever the master) and this host's CPUs ({@code /proc/stat}, every process: the
 * cluster's CPUs when the master is local or a loopback cluster). In local mode one metered run
 * runs per JVM at a time, so one of local[2]'s two slots stays idle by design; on a cluster each
 * executor runs its own. The same sweep runs twice in this JVM, once per way of appending
 * committed rows ({@code ftenergy.lake.appends}: Delta Kernel first, then Spark jobs, after a
 * warm-up sweep), each into its own lakehouse, and the figures (of the runs phase; data
 * preparation happens before) are printed side by side with their ratios.
 */
public final class OrchestrationBench {

    /** One sweep's figures. */
    private record Figures(SweepOutcome outcome, double wallSeconds, double slotsBusy, double hostBusy) {

        double commitMedian() {
            return quantile(outcome.commitSeconds(), 0.5);
        }
    }

    private OrchestrationBench() {}

    /**
     * @param spark the session (its master decides the slots)
     * @param dataDir where corpora and tokenizers are cached
     * @param work scratch directory for the benchmark's lakehouses and checkpoints
     * @param runs fine-tuning runs in each sweep (rounded down to a multiple of 5)
     */
    public static void run(SparkSession spark, Path dataDir, Path work, int runs, PrintStream out) throws InterruptedException {
        // Loading libtorch and compiling the training path happen once per JVM: a small sweep first,
        // so that neither measured sweep pays for them.
        out.println("orchestration: warming up with 5 runs ...");
        sweep(spark, dataDir, work.resolve("warm-up"), 5, "kernel");
        List<Figures> figures = new ArrayList<>();
        for (String appends : List.of("kernel", "spark")) {
            out.printf("orchestration: %d tiny runs, rows appended through %s ...%n", runs, appends);
            figures.add(sweep(spark, dataDir, work.resolve(appends), runs, appends));
        }
        out.printf("orchestration on %s (%d task slots; this host: %d CPUs), one sweep per append path:%n",
                spark.sparkContext().master(), slots(spark), Runtime.getRuntime().availableProcessors());
        out.printf("  %-36s %12s %12s %8s%n", "", "kernel", "spark", "ratio");
        Figures viaKernel = figures.get(0);
        Figures viaSpark = figures.get(1);
        row(out, "runs succeeded / failed", viaKernel.outcome().succeeded() + " / " + viaKernel.outcome().failed(),
                viaSpark.outcome().succeeded() + " / " + viaSpark.outcome().failed(), "");
        row(out, "task finished -> committed, median s", viaKernel.commitMedian(), viaSpark.commitMedian());
        row(out, "task finished -> committed, p90 s", quantile(viaKernel.outcome().commitSeconds(), 0.9),
                quantile(viaSpark.outcome().commitSeconds(), 0.9));
        row(out, "launch -> task started, median s", quantile(viaKernel.outcome().launchSeconds(), 0.5),
                quantile(viaSpark.outcome().launchSeconds(), 0.5));
        row(out, "task slots busy, %", 100 * viaKernel.slotsBusy(), 100 * viaSpark.slotsBusy());
        row(out, "host CPUs busy, %", 100 * viaKernel.hostBusy(), 100 * viaSpark.hostBusy());
        row(out, "sweep wall time, s", viaKernel.wallSeconds(), viaSpark.wallSeconds());
    }

    private static void row(PrintStream out, String name, double kernel, double spark) {
        row(out, name, String.format("%.3f", kernel), String.format("%.3f", spark), String.format("%.2f", kernel / spark));
    }

    private static void row(PrintStream out, String name, String kernel, String spark, String ratio) {
        out.printf("  %-36s %12s %12s %8s%n", name, kernel, spark, ratio);
    }

    private static Figures sweep(SparkSession spark, Path dataDir, Path work, int runs, String appends)
            throws InterruptedException {
        Map<String, String> tiny = new HashMap<>();
        tiny.put("ftenergy.lake.appends", appends);
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
        Lakehouse lake = LakehouseSession.attach(spark, app);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);
        // Data preparation first and outside the figures (the second sweep would find the tokenizer trained).
        PrepareJob.run(lake, app, sweep, false, quiet);
        HostCpu cpuBefore = HostCpu.now();
        long wallBefore = System.nanoTime();
        try (SlotOccupancy occupancy = SlotOccupancy.start(spark.sparkContext())) {
            SweepOutcome outcome = SweepJob.run(lake, config, app, sweep, quiet);
            double wall = (System.nanoTime() - wallBefore) / 1e9;
            double hostBusy = HostCpu.now().busySince(cpuBefore);
            long runTasks = outcome.succeeded() + outcome.failed() + outcome.diverged();
            return new Figures(outcome, wall, occupancy.busyFraction(runTasks, slots(spark)), hostBusy);
        }
    }

    /** The cluster's task slots: its cores (local[N]: N) over {@code spark.task.cpus}. */
    private static int slots(SparkSession spark) {
        int taskCpus = Integer.parseInt(spark.sparkContext().getConf().get("spark.task.cpus", "1"));
        return Math.max(1, spark.sparkContext().defaultParallelism() / taskCpus);
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
