package ftenergy.data;

import ftenergy.text.TextTokenizer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Prints the paper's Table 1 for the tasks as prepared: per task and split, examples, mean, median
 * and 95th-percentile length in tokens, longest, total tokens, and the share cut by truncation.
 */
public final class TaskSummary {

    private TaskSummary() {}

    /** One task split's row. */
    public record Row(String task, String standsInFor, String split, LengthStats stats, long truncated) {}

    /**
     * Encodes every stand-in task's train and validation split and prints one line each.
     *
     * @param tokenizerJson the tokenizer to count with
     * @param maxLength truncation length
     * @param validationFraction share of each task held out
     * @param seed seed of the constructed tasks and of the splits
     * @return the rows printed
     */
    public static List<Row> run(PrintStream out, CorpusStore store, Path tokenizerJson, int maxLength,
            double validationFraction, long seed) {
        List<Row> rows = new java.util.ArrayList<>();
        out.printf(Locale.ROOT, "%-20s %-10s %-10s %8s %7s %6s %5s %5s %11s %7s%n",
                "task", "stands in", "split", "examples", "mean", "median", "p95", "max", "tokens", "at max");
        try (TextTokenizer tokenizer = TextTokenizer.load(tokenizerJson, maxLength)) {
            for (LoadedTask<? extends TaskRecord> task : StandInTasks.load(store, seed, 0, 0)) {
                ExampleEncoder encoder = new ExampleEncoder(tokenizer, task.info());
                Splits<? extends TaskRecord> splits = task.split(validationFraction, seed);
                rows.add(row(out, encoder, task.info(), Splits.TRAIN, splits.train(), maxLength));
                rows.add(row(out, encoder, task.info(), Splits.VALIDATION, splits.validation(), maxLength));
            }
        }
        return rows;
    }

    private static Row row(PrintStream out, ExampleEncoder encoder, TaskInfo info, String split,
            List<? extends TaskRecord> records, int maxLength) {
        List<Example> examples = encoder.encodeAll(split, records);
        int[] lengths = Batcher.lengths(examples);
        long truncated = java.util.Arrays.stream(lengths).filter(l -> l == maxLength).count();
        LengthStats s = LengthStats.of(lengths);
        out.printf(Locale.ROOT, "%-20s %-10s %-10s %8d %7.1f %6d %5d %5d %11d %6.1f%%%n",
                info.name(), info.standsInFor(), split, s.examples(), s.meanLength(), s.medianLength(), s.p95Length(),
                s.maxLength(), s.tokens(), 100.0 * truncated / Math.max(1, s.examples()));
        return new Row(info.name(), info.standsInFor(), split, s, truncated);
    }
}
