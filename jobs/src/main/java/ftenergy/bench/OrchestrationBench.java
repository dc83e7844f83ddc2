package ftenergy.bench;

import com.sun.management.OperatingSystemMXBean;
import com.typesafe.config.Config;
import ftenergy.config.AppSettings;
import ftenergy.config.ConfigReader;
import ftenergy.config.LayeredConfig;
import ftenergy.lake.Lakehouse;
import ftenergy.lake.LakehouseSession;
import ftenergy.plan.SweepSettings;
import ftenergy.sweep.SweepJob;
import ftenergy.sweep.SweepOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Orchestration overhead of a sweep of many tiny runs: seconds from a run's task finishing to its
 * rows being committed, seconds from launching a run's Spark job to its task
 * starting, and how busy the cores were while the sweep ran (process CPU time / wall time / cores).
 */
public final class OrchestrationBench {

    private OrchestrationBench() {}

    /**
     * @param spark the session (its master decides the slots)
     * @param dataDir where corpora and tokenizers are cached
     * @param work scratch directory for the benchmark's lakehouse and checkpoints
     * @param runs fine-tuning runs in the sweep (rounded down to a multiple of 5)
     */
    public static void run(SparkSession spark, Path dataDir, Path work, int runs, PrintStream out) throws InterruptedException {
        Map<String, String> tiny = new HashMap<>();
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
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        SweepOutcome outcome = SweepJob.run(lake, config, app, sweep, new PrintStream(new ByteArrayOutputStream(), true));
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf("orchestration: %d runs succeeded, %d failed on %s in %.1f s%n", outcome.succeeded(), outcome.failed(),
                spark.sparkContext().master(), wall);
        out.printf("  task finished -> rows committed: median %.3f s, p90 %.3f s over %d runs (batched commits)%n",
                quantile(outcome.commitSeconds(), 0.5), quantile(outcome.commitSeconds(), 0.9), outcome.commitSeconds().size());
        out.printf("  launch -> task started:          median %.3f s, p90 %.3f s%n",
                quantile(outcome.launchSeconds(), 0.5), quantile(outcome.launchSeconds(), 0.9));
        out.printf("  cores busy (driver JVM CPU time / wall / %d cores): %.1f %%%n", cores, 100 * cpu / wall / cores);
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
