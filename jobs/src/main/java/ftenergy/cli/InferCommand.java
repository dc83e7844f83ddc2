package ftenergy.cli;

import static org.apache.spark.sql.functions.col;

import com.typesafe.config.ConfigRenderOptions;
import ftenergy.inference.InferenceJob;
import ftenergy.inference.InferenceRequest;
import ftenergy.lake.LakeTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ftenergy infer}: a fine-tuned checkpoint over a table, metered at each batch size. */
@Command(name = "infer", header = "run a fine-tuned checkpoint over any table; energy per example at each batch size",
        description = {
            "Runs the checkpoint (a finetune run's, under ftenergy.checkpoints, or any directory) over a table with the "
                    + "BertInference transformer, one metered pass per batch size, and prints examples/s, J/example, kWh per "
                    + "1000 examples and J/token for each.",
            "--task reads the task's pre-tokenized rows from the examples table; --input reads any table (csv with a header "
                    + "row) with a text column and, for sentence pairs or QA contexts, a second one."})
final class InferCommand implements LeafCommand {

    @Option(names = "--run", paramLabel = "RUN_ID", description = "A finetune run whose checkpoint to use.")
    String run;

    @Option(names = "--checkpoint", paramLabel = "DIR", description = "Any checkpoint directory.")
    Path checkpoint;

    @Option(names = "--task", paramLabel = "NAME", description = "Score the task's rows of the examples table.")
    String task;

    @Option(names = "--split", defaultValue = "validation", description = "The task's split (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--input", paramLabel = "PATH", description = "Score any table.")
    String input;

    @Option(names = "--format", paramLabel = "delta|parquet|csv|json",
            description = "The --input table's format (default: from its name; delta for a directory).")
    String format;

    @Option(names = "--text-col", paramLabel = "COL", defaultValue = "text", description = "Default: ${DEFAULT-VALUE}.")
    String textCol;

    @Option(names = "--pair-col", paramLabel = "COL", defaultValue = "", description = "Second text column (pairs, QA contexts).")
    String pairCol;

    @Option(names = "--where", paramLabel = "SQL", description = "Keep only the rows this condition selects.")
    String where;

    @Option(names = "--limit", paramLabel = "N", description = "At most N rows.")
    Integer limit;

    @Option(names = "--batch-sizes", paramLabel = "N", split = ",", defaultValue = "1,32",
            description = "One metered pass per batch size (default: ${DEFAULT-VALUE}).")
    List<Integer> batchSizes;

    @Option(names = "--max-length", paramLabel = "N", description = "Truncate inputs to N tokens (default: the model's).")
    Integer maxLength;

    @Option(names = "--output", paramLabel = "PATH",
            description = "Write every pass's scored rows to a Delta table (column pass_batch_size tells passes apart).")
    String output;

    @Override
    public int run(Invocation invocation) {
        String checkpointDir = checkpoint(invocation);
        batchSizes.forEach(size -> positive(size, "--batch-sizes"));
        int truncateAt = maxLength != null ? positive(maxLength, "--max-length") : 0;
        boolean fromExamples = task != null;
        Dataset<Row> rows = fromExamples ? examples(invocation) : table(invocation);
        if (where != null) {
            rows = rows.where(where);
        }
        if (limit != null) {
            rows = rows.limit(positive(limit, "--limit"));
        }
        String meter = invocation.config().withOnlyPath("ftenergy.meter").root().render(ConfigRenderOptions.concise());
        InferenceRequest request = new InferenceRequest(checkpointDir, textCol, pairCol, fromExamples ? "input_ids" : "",
                fromExamples ? "type_ids" : "", batchSizes, truncateAt, meter, output);
        InferenceJob.run(rows, request, invocation.out());
        return 0;
    }

    private String checkpoint(Invocation invocation) {
        if ((checkpoint == null) == (run == null)) {
            throw new UsageException("infer needs exactly one of --run RUN_ID (a finetune run's checkpoint) or --checkpoint DIR");
        }
        Path dir = run != null ? invocation.settings().checkpoints().resolve(run) : checkpoint;
        if (!Files.isDirectory(dir)) {
            throw new UsageException("no checkpoint directory " + dir + (run != null
                    ? " (ftenergy.checkpoints/<run_id>; only pretrain, distill and finetune runs write one)" : ""));
        }
        return dir.toString();
    }

    private Dataset<Row> examples(Invocation invocation) {
        Dataset<Row> rows = invocation.lakehouse().read(LakeTables.EXAMPLES)
                .where(col("task").equalTo(task).and(col("split").equalTo(split)))
                .orderBy("example_id");
        if (rows.isEmpty()) {
            throw new UsageException("the examples table has no rows of task '" + task + "', split '" + split
                    + "'; run `ftenergy prepare` for it first");
        }
        return rows;
    }

    private Dataset<Row> table(Invocation invocation) {
        if (input == null) {
            throw new UsageException("infer needs --task NAME (the examples table) or --input PATH (any table)");
        }
        String tableFormat = format != null ? format : guessFormat(input);
        DataFrameReader reader = invocation.spark().read().format(tableFormat);
        if (tableFormat.equals("csv")) {
            reader = reader.option("header", "true").option("multiLine", "true").option("escape", "\"");
        }
        return reader.load(input);
    }

    private static String guessFormat(String path) {
        if (Files.isDirectory(Path.of(path).resolve("_delta_log"))) {
            return "delta";
        }
        String lower = path.toLowerCase(Locale.ROOT);
        for (String candidate : List.of("parquet", "csv", "json")) {
            if (lower.endsWith("." + candidate)) {
                return candidate;
            }
        }
        return "delta";
    }

    private static int positive(int n, String option) {
        if (n <= 0) {
            throw new UsageException(option + " must be a positive whole number, was " + n);
        }
        return n;
    }
}
