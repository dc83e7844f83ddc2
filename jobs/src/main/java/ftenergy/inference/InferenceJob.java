package ftenergy.inference;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;

/**
 * Measures inference over a table: one {@link BertInference} measurement per batch size, each
 * summarised as examples/s, joules per example and kWh per 1,000 examples (the paper's inference
 * unit), over the batches' meter windows (model loading left out) and every example they predicted,
 * the repeats of partitions too short to measure in one pass included; the scored rows of every
 * batch size optionally written to a Delta table.
 */
public final class InferenceJob {

    /** Column of the output table telling the passes apart. */
    public static final String PASS_BATCH_SIZE = "pass_batch_size";

    private InferenceJob() {}

    /** Runs every pass in order and prints one line per pass to {@code out}. */
    public static List<InferencePass> run(Dataset<Row> input, InferenceRequest request, PrintStream out) {
        // Every pass reads the same rows, in the same partitions.
        Dataset<Row> rows = input.cache();
        long total = rows.count();
        out.printf(Locale.ROOT, "infer: %d rows in %d partitions, checkpoint %s, batch sizes %s%n", total,
                rows.rdd().getNumPartitions(), request.checkpoint(), request.batchSizes());
        List<InferencePass> passes = new ArrayList<>();
        boolean first = true;
        for (int batchSize : request.batchSizes()) {
            CollectionAccumulator<PartitionMeasurement> partitions =
                    rows.sparkSession().sparkContext().collectionAccumulator("inference-pass-" + batchSize);
            Dataset<Row> scored = request.transformer(batchSize).transformMeasured(rows, partitions)
                    .withColumn(PASS_BATCH_SIZE, lit(batchSize));
            Dataset<Row> measured = scored;
            if (request.output() != null) {
                scored.write().format("delta").mode(first ? "overwrite" : "append")
                        .option("overwriteSchema", first ? "true" : "false").save(request.output());
                measured = rows.sparkSession().read().format("delta").load(request.output())
                        .where(col(PASS_BATCH_SIZE).equalTo(batchSize));
            }
            // The aggregate is the action that runs the pass when nothing was written.
            InferencePass pass = summarise(batchSize, measured, partitions);
            passes.add(pass);
            out.printf(Locale.ROOT, "infer: batch size %d: %d rows, passes per partition %s: %d examples in %d batches,"
                            + " %.1f examples/s, %.4g J/example, %.3g kWh per 1000 examples, %.3g J/token on %s,"
                            + " model loading %.3g J [%s]%n",
                    batchSize, pass.rows(), pass.passesPerPartition(), pass.examples(), pass.batches(), pass.examplesPerSecond(),
                    pass.joulesPerExample(), pass.kwhPerThousandExamples(), pass.joulesPerToken(), pass.device(), pass.loadJoules(),
                    pass.energySource());
            first = false;
        }
        rows.unpersist();
        if (request.output() != null) {
            out.println("infer: scored rows of every pass in " + request.output());
        }
        return passes;
    }

    /**
     * The pass's figures, from its partitions' measurements: energy from their batch windows, which
     * are read fresh at their edges (the rows' per-batch joules are extrapolated between the meter's
     * samples, too coarse for batches of milliseconds), counts and seconds from their batches, every
     * pass's. The window also holds what the task does with the rows between batches: here, writing
     * them when there is an output.
     */
    private static InferencePass summarise(int batchSize, Dataset<Row> scored,
            CollectionAccumulator<PartitionMeasurement> partitions) {
        Row totals = scored.agg(count(lit(1)), first(InferenceColumns.DEVICE), first(InferenceColumns.ENERGY_SOURCE)).first();
        double joules = 0;
        double loadJoules = 0;
        long examples = 0;
        long batches = 0;
        long tokens = 0;
        double seconds = 0;
        List<Integer> passes = new ArrayList<>();
        List<PartitionMeasurement> measured = new ArrayList<>(partitions.value());
        measured.sort(Comparator.comparing(PartitionMeasurement::partition));
        for (PartitionMeasurement partition : measured) {
            joules += partition.batchesWindow().totalJoules();
            loadJoules += partition.loadJoules();
            examples += partition.examples();
            batches += partition.batches().size();
            for (BatchMeasurement batch : partition.batches()) {
                tokens += batch.tokensReal();
                seconds += batch.seconds();
            }
            passes.add(partition.passes());
        }
        return new InferencePass(batchSize, totals.getLong(0), examples, batches, tokens, seconds, joules, loadJoules, passes,
                totals.getString(1), totals.getString(2));
    }
}
