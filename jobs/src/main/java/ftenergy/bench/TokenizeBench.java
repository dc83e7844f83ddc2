package ftenergy.bench;

import ftenergy.data.StandInTasks;
import ftenergy.data.Sample;
import ftenergy.data.CorpusStore;
import ftenergy.data.ExampleEncoder;
import ftenergy.data.TaskRecord;
import ftenergy.data.Splits;
import ftenergy.data.LoadedTask;
import ftenergy.text.TextTokenizer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Tokenization throughput (examples per second) of {@link ExampleEncoder} on the real stand-ins,
 * with one thread and with several sharing one tokenizer (as a Spark executor's task threads
 * would), alternated over rounds; prints medians and the ratio.
 */
public final class TokenizeBench {

    private TokenizeBench() {}

    /**
     * One task's throughput.
     *
     * @param task task name
     * @param examples examples encoded per round
     * @param singleThreadPerSecond median examples/s on one thread
     * @param multiThreadPerSecond median examples/s on {@code threads} threads
     */
    public record Result(String task, int examples, double singleThreadPerSecond, double multiThreadPerSecond) {}

    /**
     * @param maxLength truncation length
     * @param threads threads of the parallel measurement
     * @param rounds alternated rounds per setting (median reported)
     * @param maxExamples examples per task per round (a seeded sample), 0 for all
     */
    public static List<Result> run(PrintStream out, CorpusStore store, Path tokenizerJson, int maxLength, int threads,
            int rounds, int maxExamples) throws Exception {
        List<Result> results = new ArrayList<>();
        out.printf(Locale.ROOT, "tokenize: max length %d, %d rounds, 1 vs %d threads%n", maxLength, rounds, threads);
        out.printf(Locale.ROOT, "%-20s %8s %12s %12s %7s%n", "task", "examples", "ex/s 1 thr", "ex/s " + threads + " thr", "ratio");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (TextTokenizer tokenizer = TextTokenizer.load(tokenizerJson, maxLength)) {
            for (LoadedTask<? extends TaskRecord> task : StandInTasks.load(store, 1, maxExamples, maxExamples)) {
                List<? extends TaskRecord> records = Sample.keep(task.records(), maxExamples, 1);
                ExampleEncoder encoder = new ExampleEncoder(tokenizer, task.info());
                encoder.encodeAll(Splits.TRAIN, records.subList(0, Math.min(200, records.size())));
                double[] single = new double[rounds];
                double[] multi = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    single[r] = perSecond(records.size(), () -> encoder.encodeAll(Splits.TRAIN, records));
                    multi[r] = perSecond(records.size(), () -> parallel(pool, threads, encoder, records));
                }
                Result result = new Result(task.info().name(), records.size(), median(single), median(multi));
                results.add(result);
                out.printf(Locale.ROOT, "%-20s %8d %12.0f %12.0f %6.2fx%n", result.task(), result.examples(),
                        result.singleThreadPerSecond(), result.multiThreadPerSecond(),
                        result.multiThreadPerSecond() / result.singleThreadPerSecond());
            }
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    private static void parallel(ExecutorService pool, int threads, ExampleEncoder encoder, List<? extends TaskRecord> records) {
        int chunk = (records.size() + threads - 1) / threads;
        List<Future<?>> futures = new ArrayList<>();
        for (int from = 0; from < records.size(); from += chunk) {
            List<? extends TaskRecord> part = records.subList(from, Math.min(records.size(), from + chunk));
            futures.add(pool.submit(() -> encoder.encodeAll(Splits.TRAIN, part)));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("parallel encoding failed", e);
        }
    }

    private static double perSecond(int examples, Runnable work) {
        long start = System.nanoTime();
        work.run();
        return examples / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
