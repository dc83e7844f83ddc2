package ftenergy.sweep;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;

import ftenergy.stats.EnergyPrediction;
import ftenergy.stats.EnergyPredictor;
import ftenergy.analyze.EnergyPredictors;
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
 * the prepared lengths with the same batching the trainer uses, and, where {@code analyze} has
 * fitted energy on padded tokens for the hardware, kind and model, predicted kWh with an interval.
 */
public final class SweepPlanReport {

    private SweepPlanReport() {}

    /**
     * @param hardware the hardware the runs will use (the regressions' grouping), e.g. this host's
     *     CPU model for a local sweep or the cluster's GPU model
     * @param gridGramsPerKwhAtWall grid intensity × wall coefficient × PUE, to turn kWh into kg CO2e
     */
    public static void print(Lakehouse lake, AppSettings app, SweepSettings sweep, SweepPlan plan, String hardware,
            double gridGramsPerKwhAtWall, PrintStream out) {
        PreparedData prepared = PrepareJob.run(lake, app, sweep, false, out);
        EnergyPredictor predictor = EnergyPredictors.load(lake.spark(), app.lakehouse(), 0.95);
        double predictedKwh = 0;
        double predictedLow = 0;
        double predictedHigh = 0;
        int unpredicted = 0;
        Map<String, int[]> lengthCache = new HashMap<>();
        long totalReal = 0;
        long totalPadded = 0;
        out.printf("%-16s %-9s %-20s %-20s %9s %4s %4s %8s %12s %12s %24s%n", "run_id", "kind", "task", "model", "lr", "bs", "seed",
                "steps", "tokens_real", "tokens_pad", "predicted kWh [95%]");
        for (RunSpec run : plan.runs()) {
            Hyperparameters hp = run.hyperparameters();
            int cap = switch (run.kind()) {
                case FINETUNE -> sweep.finetune().maxTrainExamples();
                case INFERENCE -> sweep.inference().maxExamples();
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
            String prediction = "no fit yet";
            if (predictor.supports(hardware, run.kind(), run.model().name(), hp.batchSize())) {
                EnergyPrediction p = predictor.predict(hardware, run.kind(), run.model().name(), hp.batchSize(), totals.tokensPadded());
                prediction = String.format("%.3g [%.3g, %.3g]", p.kwh(), p.lowKwh(), p.highKwh());
                predictedKwh += p.kwh();
                predictedLow += p.lowKwh();
                predictedHigh += p.highKwh();
            } else {
                unpredicted++;
            }
            out.printf("%-16s %-9s %-20s %-20s %9.2g %4d %4d %8d %12d %12d %24s%n", run.runId(), run.kind().label(), run.task(),
                    run.model().name(), hp.learningRate(), hp.batchSize(), run.seed(), totals.steps(), totals.tokensReal(),
                    totals.tokensPadded(), prediction);
        }
        out.printf("sweep %s: %d runs, %d real tokens, %d padded tokens (%.1f%% padding)%n", plan.sweepId(), plan.runs().size(),
                totalReal, totalPadded, totalPadded == 0 ? 0 : 100.0 * (totalPadded - totalReal) / totalPadded);
        out.printf("predicted on %s for %d of %d runs: %.3g kWh [%.3g, %.3g] (sum of per-run 95%% intervals), %.3g kg CO2e%s%n",
                hardware, plan.runs().size() - unpredicted, plan.runs().size(), predictedKwh, predictedLow, predictedHigh,
                predictedKwh * gridGramsPerKwhAtWall / 1000,
                unpredicted == 0 ? "" : "; " + unpredicted + " runs have no fit for their hardware/kind/model yet (run `ftenergy analyze` after some exist)");
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
