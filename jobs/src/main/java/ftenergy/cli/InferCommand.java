package ftenergy.cli;

import static org.apache.spark.sql.functions.col;

import com.typesafe.config.ConfigRenderOptions;
import ftenergy.inference.InferenceJob;
import ftenergy.inference.InferenceRequest;
import ftenergy.lake.LakeTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code ftenergy infer}: a fine-tuned checkpoint over a table, metered at each batch size. */
final class InferCommand implements Command {

    @Override
    public String name() {
        return "infer";
    }

    @Override
    public String summary() {
        return "run a fine-tuned checkpoint over any table; energy per example at each batch size";
    }

    @Override
    public String usage() {
        return """
                usage: ftenergy infer (--run RUN_ID | --checkpoint DIR) (--task NAME [--split SPLIT] | --input PATH
                                      [--format delta|parquet|csv|json] [--text-col COL] [--pair-col COL])
                                      [--where SQL] [--limit N] [--batch-sizes 1,32] [--max-length N] [--output PATH]
                  Runs the checkpoint (a finetune run's, under ftenergy.checkpoints, or any directory) over a table
                  with the BertInference transformer, one metered pass per batch size, and prints examples/s,
                  J/example, kWh per 1000 examples and J/token for each.
                  --task reads the task's pre-tokenized rows (default split: validation) from the examples table;
                  --input reads any table (csv with a header row) with a text column (default: text) and, for
                  sentence pairs or QA contexts, a second one. --output writes every pass's scored rows to a Delta
                  table (column pass_batch_size tells passes apart).
                """;
    }

    @Override
    public int run(Invocation invocation) {
        Map<String, String> flags = invocation.arguments().flags();
        String checkpoint = checkpoint(invocation);
        boolean fromExamples = flags.containsKey("task");
        Dataset<Row> input = fromExamples ? examples(invocation) : table(invocation);
        if (flags.containsKey("where")) {
            input = input.where(flags.get("where"));
        }
        if (flags.containsKey("limit")) {
            input = input.limit(positive(flags.get("limit"), "--limit"));
        }
        String meter = invocation.config().withOnlyPath("ftenergy.meter").root().render(ConfigRenderOptions.concise());
        InferenceRequest request = new InferenceRequest(checkpoint, flags.getOrDefault("text-col", "text"),
                flags.getOrDefault("pair-col", ""), fromExamples ? "input_ids" : "", fromExamples ? "type_ids" : "",
                batchSizes(flags.getOrDefault("batch-sizes", "1,32")),
                flags.containsKey("max-length") ? positive(flags.get("max-length"), "--max-length") : 0, meter,
                flags.get("output"));
        InferenceJob.run(input, request, invocation.out());
        return 0;
    }

    private static String checkpoint(Invocation invocation) {
        Map<String, String> flags = invocation.arguments().flags();
        if (flags.containsKey("checkpoint") == flags.containsKey("run")) {
            throw new UsageException("infer needs exactly one of --run RUN_ID (a finetune run's checkpoint) or --checkpoint DIR");
        }
        Path dir = flags.containsKey("run") ? invocation.settings().checkpoints().resolve(flags.get("run"))
                : Path.of(flags.get("checkpoint"));
        if (!Files.isDirectory(dir)) {
            throw new UsageException("no checkpoint directory " + dir + (flags.containsKey("run")
                    ? " (ftenergy.checkpoints/<run_id>; only pretrain, distill and finetune runs write one)" : ""));
        }
        return dir.toString();
    }

    private static Dataset<Row> examples(Invocation invocation) {
        Map<String, String> flags = invocation.arguments().flags();
        String task = flags.get("task");
        String split = flags.getOrDefault("split", "validation");
        Dataset<Row> rows = invocation.lakehouse().read(LakeTables.EXAMPLES)
                .where(col("task").equalTo(task).and(col("split").equalTo(split)))
                .orderBy("example_id");
        if (rows.isEmpty()) {
            throw new UsageException("the examples table has no rows of task '" + task + "', split '" + split
                    + "'; run `ftenergy prepare` for it first");
        }
        return rows;
    }

    private static Dataset<Row> table(Invocation invocation) {
        Map<String, String> flags = invocation.arguments().flags();
        String path = flags.get("input");
        if (path == null) {
            throw new UsageException("infer needs --task NAME (the examples table) or --input PATH (any table)");
        }
        String format = flags.getOrDefault("format", guessFormat(path));
        DataFrameReader reader = invocation.spark().read().format(format);
        if (format.equals("csv")) {
            reader = reader.option("header", "true").option("multiLine", "true").option("escape", "\"");
        }
        return reader.load(path);
    }

    private static String guessFormat(String path) {
        if (Files.isDirectory(Path.of(path).resolve("_delta_log"))) {
            return "delta";
        }
        String lower = path.toLowerCase(Locale.ROOT);
        for (String format : List.of("parquet", "csv", "json")) {
            if (lower.endsWith("." + format)) {
                return format;
            }
        }
        return "delta";
    }

    private static List<Integer> batchSizes(String list) {
        List<Integer> sizes = new ArrayList<>();
        for (String size : list.split(",")) {
            sizes.add(positive(size.trim(), "--batch-sizes"));
        }
        return sizes;
    }

    private static int positive(String value, String option) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " must be a positive whole number, was '" + value + "'");
    }
}
