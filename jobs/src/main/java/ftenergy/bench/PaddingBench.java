package ftenergy.bench;

import ftenergy.data.StandInTasks;
import ftenergy.data.TokenPlanner;
import ftenergy.data.CorpusStore;
import ftenergy.data.ExampleEncoder;
import ftenergy.data.RunLength;
import ftenergy.data.TokenTotals;
import ftenergy.data.BatchOrder;
import ftenergy.data.Batcher;
import ftenergy.data.Splits;
import ftenergy.data.SentimentSentences;
import ftenergy.data.SpamEmails;
import ftenergy.data.LoadedTask;
import ftenergy.data.TextRecord;
import ftenergy.text.TextTokenizer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Padding saved by length-grouped sampling against plain shuffling, on the real long-document
 * (spam e-mails) and short-sentence (sentiment sentences) stand-ins. Both orders are planned from
 * the same tokenized lengths in one run; the numbers are exact token counts, not timings.
 */
public final class PaddingBench {

    private PaddingBench() {}

    /**
     * One task's comparison, summed over seeds.
     *
     * @param task task name
     * @param plain totals with plain shuffling
     * @param grouped totals with length-grouped sampling
     */
    public record Result(String task, TokenTotals plain, TokenTotals grouped) {

        /** Share of padding tokens that grouping removes. */
        public double paddingReduction() {
            return 1 - (double) grouped.tokensPaddingOnly() / plain.tokensPaddingOnly();
        }

        /** Share of computed (padded) tokens that grouping removes. */
        public double computedReduction() {
            return 1 - (double) grouped.tokensPadded() / plain.tokensPadded();
        }
    }

    /**
     * @param tokenizerJson tokenizer used to measure lengths
     * @param maxLength truncation length (the paper fine-tunes at 128 for GLUE, 512 for IMDB-like)
     * @param batchSize examples per batch
     * @param runLength epochs and step cap of each planned run
     * @param seeds one planned run per seed and order
     */
    public static List<Result> run(PrintStream out, CorpusStore store, Path tokenizerJson, int maxLength, int batchSize,
            RunLength runLength, long[] seeds) {
        List<Result> results = new ArrayList<>();
        out.printf(Locale.ROOT, "padding: max length %d, batch %d, %s, %d seeds%n", maxLength, batchSize, runLength, seeds.length);
        out.printf(Locale.ROOT, "%-20s %12s %12s %12s %12s %12s %9s %9s%n", "task", "real", "padded plain",
                "padded group", "pad-only pl", "pad-only gr", "pad cut", "comp cut");
        try (TextTokenizer tokenizer = TextTokenizer.load(tokenizerJson, maxLength)) {
            for (LoadedTask<TextRecord> task : List.of(SpamEmails.load(store, StandInTasks.BUDGET),
                    SentimentSentences.load(store, StandInTasks.BUDGET))) {
                List<TextRecord> train = task.split(0.1, seeds[0]).train();
                int[] lengths = Batcher.lengths(new ExampleEncoder(tokenizer, task.info()).encodeAll(Splits.TRAIN, train));
                TokenTotals plain = new TokenTotals(0, 0, 0, 0);
                TokenTotals grouped = plain;
                for (long seed : seeds) {
                    plain = add(plain, TokenPlanner.plan(lengths, new BatchOrder(batchSize, seed, false), runLength));
                    grouped = add(grouped, TokenPlanner.plan(lengths, new BatchOrder(batchSize, seed, true), runLength));
                }
                Result r = new Result(task.info().name(), plain, grouped);
                results.add(r);
                out.printf(Locale.ROOT, "%-20s %12d %12d %12d %12d %12d %8.1f%% %8.1f%%%n", r.task(), plain.tokensReal(),
                        plain.tokensPadded(), grouped.tokensPadded(), plain.tokensPaddingOnly(), grouped.tokensPaddingOnly(),
                        100 * r.paddingReduction(), 100 * r.computedReduction());
            }
        }
        return results;
    }

    private static TokenTotals add(TokenTotals a, TokenTotals b) {
        return new TokenTotals(a.steps() + b.steps(), a.examples() + b.examples(), a.tokensReal() + b.tokensReal(),
                a.tokensPadded() + b.tokensPadded());
    }
}
