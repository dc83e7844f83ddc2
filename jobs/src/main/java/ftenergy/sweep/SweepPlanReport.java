package ftenergy.sweep;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;

import com.typesafe.config.Config;
import ftenergy.config.AppSettings;
import ftenergy.data.BatchOrder;
import ftenergy.data.RunLength;
import ftenergy.data.TokenPlanner;
import ftenergy.data.TokenTotals;
import ftenergy.lake.LakeTables;
import ftenergy.lake.Lakehouse;
import ftenergy.plan.SweepPlan;
import ftenergy.plan.SweepSettings;
import ftenergy.prepare.PrepareJob;
import ftenergy.prepare.PreparedData;
import ftenergy.run.Hyperparameters;
import ftenergy.run.RunSpec;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * {@code sweep --plan}: every run with its exact step, real- and padded-token totals, computed from
 * the prepared lengths with the same batching the trainer uses, before anything runs.
 */
public final class SweepPlanReport {

    private SweepPlanReport() {}

    public static void print(Lakehouse lake, Config config, AppSettings app, SweepSettings sweep, SweepPlan plan, PrintStream out) {
        PreparedData prepared = PrepareJob.run(lake, app, sweep, false, out);
        Map<String, int[]> lengthCache = new HashMap<>();
        long totalReal = 0;
        long totalPadded = 0;
        out.printf("%-16s %-9s %-20s %-20s %9s %4s %4s %8s %12s %12s%n", "run_id", "kind", "task", "model", "lr", "bs", "seed", "steps",
                "tokens_real", "tokens_pad");
        for (RunSpec run : plan.runs()) {
            Hyperparameters hp = run.hyperparameters();
            int cap = switch (run.kind()) {
                case FINETUNE -> sweep.maxTrainExamples();
                case INFERENCE -> sweep.inferenceMaxExamples();
                default -> 0;
            };
            String split = run.kind() == ftenergy.run.RunKind.INFERENCE ? "validation" : "train";
            int[] lengths = lengthCache.computeIfAbsent(run.task() + "|" + split + "|" + hp.maxSeqLen() + "|" + cap,
                    k -> lengths(lake, prepared, run.task(), split, hp.maxSeqLen(), cap));
            TokenTotals totals = run.kind() == ftenergy.run.RunKind.INFERENCE
                    ? TokenPlanner.plan(lengths, new BatchOrder(hp.batchSize(), run.seed(), false), new RunLength(1, 0))
                    : TokenPlanner.plan(lengths, new BatchOrder(hp.batchSize(), run.seed(), hp.lengthGrouped()),
                            new RunLength(Math.max(0, hp.epochs()), hp.maxSteps()));
            totalReal += totals.tokensReal();
            totalPadded += totals.tokensPadded();
            out.printf("%-16s %-9s %-20s %-20s %9.2g %4d %4d %8d %12d %12d%n", run.runId(), run.kind().label(), run.task(),
                    run.model().name(), hp.learningRate(), hp.batchSize(), run.seed(), totals.steps(), totals.tokensReal(),
                    totals.tokensPadded());
        }
        out.printf("sweep %s: %d runs, %d real tokens, %d padded tokens (%.1f%% padding)%n", plan.sweepId(), plan.runs().size(),
                totalReal, totalPadded, totalPadded == 0 ? 0 : 100.0 * (totalPadded - totalReal) / totalPadded);
    }

    /** Lengths in the order the trainer receives the examples (split, example_id), truncated and capped alike. */
    private static int[] lengths(Lakehouse lake, PreparedData prepared, String task, String split, int maxSeqLen, int cap) {
        var rows = lake.read(LakeTables.EXAMPLES)
                .where(col("task").equalTo(task).and(col("split").equalTo(split)).and(col("tokenizer").equalTo(prepared.tokenizerHash())))
                .orderBy("example_id")
                .select(least(col("length"), lit(maxSeqLen)));
        List<Row> collected = (cap > 0 ? rows.limit(cap) : rows).collectAsList();
        int[] out = new int[collected.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = collected.get(i).getInt(0);
        }
        return out;
    }
}
