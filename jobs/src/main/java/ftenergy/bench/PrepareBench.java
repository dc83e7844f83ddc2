package ftenergy.bench;

import static org.apache.spark.sql.functions.col;

import com.typesafe.config.Config;
import ftenergy.config.AppSettings;
import ftenergy.config.ConfigReader;
import ftenergy.config.LayeredConfig;
import ftenergy.lake.LakeTables;
import ftenergy.lake.Lakehouse;
import ftenergy.lake.LakehouseSession;
import ftenergy.plan.SweepSettings;
import ftenergy.prepare.PrepareJob;
import ftenergy.sweep.SweepJob;
import ftenergy.sweep.SweepOutcome;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code ftenergy bench prepare}: a task of real size declared in configuration, end to end. The
 * bench writes a CSV of synthetic reviews (MNLI has 393k training examples; the default is 400k
 * rows), a vocabulary for its words and a small corpus, then on the session's Spark (a) prepares
 * the task and (b) runs a sweep that pre-trains a tiny model for a few steps and fine-tunes it for
 * a few steps on the task, whose examples its run reads from the {@code examples} table on the
 * executor. For each phase it prints the wall seconds and this JVM's heap: the largest in use, the
 * largest still live after a collection, collections and their time ({@link HeapWatch}). In local
 * mode the driver is also the executor, so the fine-tuning phase holds the run's examples too.
 */
public final class PrepareBench {

    /** Distinct words of the synthetic reviews. */
    private static final int WORDS = 3000;
    private static final long SEED = 16;

    private PrepareBench() {}

    /**
     * @param work scratch directory for the data, lakehouse and checkpoints
     * @param rows rows of the task's CSV
     * @param steps fine-tuning steps
     */
    public static void run(SparkSession spark, Path work, int rows, int steps, PrintStream out) throws IOException, InterruptedException {
        List<String> words = words();
        Path vocab = work.resolve("vocab.txt");
        List<String> lines = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        lines.addAll(words);
        Files.write(vocab, lines, StandardCharsets.UTF_8);
        Path reviews = work.resolve("reviews.csv");
        long bytes = writeReviews(reviews, rows, words);
        Path corpus = work.resolve("corpus.csv");
        writeReviews(corpus, 2000, words);
        out.printf(Locale.ROOT, "bench prepare: %,d synthetic reviews (%.1f MB of CSV, 8-120 words of %,d), heap max %.0f MB,"
                + " master %s, %d core(s)%n", rows, bytes / 1e6, WORDS, Runtime.getRuntime().maxMemory() / 1e6, spark.sparkContext().master(),
                Runtime.getRuntime().availableProcessors());
        Config config = config(work, reviews, corpus, vocab, steps);
        ConfigReader in = new ConfigReader(config);
        AppSettings app = AppSettings.read(in);
        SweepSettings sweep = SweepSettings.read(in);
        in.finish();

        Lakehouse lake = LakehouseSession.attach(spark, app);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        long started = System.nanoTime();
        HeapWatch.Peak prepared;
        try (HeapWatch heap = new HeapWatch()) {
            PrepareJob.run(lake, app, sweep, false, new PrintStream(log, true));
            prepared = heap.peak();
        }
        double prepareSeconds = (System.nanoTime() - started) / 1e9;
        long examples = lake.read(LakeTables.EXAMPLES).where(col("task").equalTo("bench-reviews")).count();
        out.print(log);
        out.println(line("prepare", prepareSeconds, prepared) + String.format(Locale.ROOT, ", %,d examples, %.0f examples/s",
                examples, examples / prepareSeconds));

        log.reset();
        started = System.nanoTime();
        HeapWatch.Peak swept;
        SweepOutcome outcome;
        try (HeapWatch heap = new HeapWatch()) {
            outcome = SweepJob.run(lake, config, app, sweep, new PrintStream(log, true));
            swept = heap.peak();
        }
        double sweepSeconds = (System.nanoTime() - started) / 1e9;
        Row finetune = lake.read(LakeTables.RUNS).where(col("kind").equalTo("finetune")).orderBy(col("attempt").desc()).first();
        out.println(line("sweep", sweepSeconds, swept) + String.format(Locale.ROOT,
                ", %d succeeded, %d failed; the fine-tune: %s, %d steps, %d examples, %.1f s, of which setup %.2e kWh of %.2e",
                outcome.succeeded(), outcome.failed(), finetune.getAs("status"), finetune.<Long>getAs("steps"),
                finetune.<Long>getAs("examples"), finetune.<Double>getAs("duration_s"), finetune.<Double>getAs("energy_setup_kwh"),
                finetune.<Double>getAs("energy_kwh")));
        if (outcome.failed() > 0) {
            out.print(log);
        }
    }

    private static String line(String phase, double seconds, HeapWatch.Peak peak) {
        return String.format(Locale.ROOT, "bench prepare: %-7s %7.1f s, heap peak %6.0f MB in use, %6.0f MB live after a collection,"
                        + " %d collections (%.1f s)", phase, seconds, peak.usedBytes() / 1e6, peak.liveBytes() / 1e6,
                peak.collections(), peak.collectionMillis() / 1e3);
    }

    /** The bench's task, corpus and a tiny model: pre-trained 2 steps, fine-tuned {@code steps} steps, no inference. */
    private static Config config(Path work, Path reviews, Path corpus, Path vocab, int steps) {
        String hocon = """
                ftenergy {
                  lakehouse = "%1$s/lakehouse"
                  checkpoints = "%1$s/checkpoints"
                  data-dir = "%1$s/data"
                  tasks {
                    bench-reviews {
                      type = single-classification
                      format = csv
                      train = "%2$s"
                      columns { id = id, text = review, label = stars }
                      labels = ["1", "2", "3", "4", "5"]
                    }
                    bench-corpus { type = masked-lm, format = csv, train = "%3$s", columns { text = review } }
                  }
                  sweep {
                    id = bench-prepare
                    corpus = bench-corpus
                    tokenizer { vocab-file = "%4$s", lowercase = true }
                    teacher { layers = 2, hidden = 64, heads = 2, intermediate = 256 }
                    pretrain { steps = 2, batch-size = 8, max-seq-len = 128 }
                    distill.enabled = false
                    finetune {
                      tasks = [bench-reviews]
                      models = [teacher]
                      grid { batch-size = [16], epochs = [1], max-seq-len = [128] }
                      seeds = [1]
                      max-steps = %5$d
                      max-eval-examples = 64
                    }
                    inference.enabled = false
                    eval-every-steps = 1000
                  }
                }
                """.formatted(work, reviews, corpus, vocab, steps);
        try {
            Path file = work.resolve("bench.conf");
            Files.writeString(file, hocon);
            return LayeredConfig.load(file, Map.of(), Map.of());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code WORDS} pronounceable words of two to four syllables, distinct. */
    private static List<String> words() {
        String[] syllables = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "be", "da", "fi", "go", "hu", "je", "pa", "zo"};
        List<String> out = new ArrayList<>(WORDS);
        for (int i = 0; out.size() < WORDS; i++) {
            StringBuilder word = new StringBuilder();
            int n = i;
            do {
                word.append(syllables[n % syllables.length]);
                n /= syllables.length;
            } while (n > 0);
            if (word.length() >= 4) {
                out.add(word.toString());
            }
        }
        return out;
    }

    /** Rows {@code id,review,stars}; every 10th review is quoted and holds a comma. Returns the file's size. */
    private static long writeReviews(Path file, int rows, List<String> words) throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,review,stars\n");
            StringBuilder review = new StringBuilder();
            for (int row = 1; row <= rows; row++) {
                review.setLength(0);
                int length = 8 + (int) Math.min(112, Math.abs(random.nextGaussian()) * 30);
                for (int w = 0; w < length; w++) {
                    review.append(w == 0 ? "" : w == length / 2 && row % 10 == 0 ? ", " : " ").append(words.get(random.nextInt(words.size())));
                }
                String text = row % 10 == 0 ? "\"" + review + "\"" : review.toString();
                out.write(row + "," + text + "," + (1 + random.nextInt(5)) + "\n");
            }
        }
        return Files.size(file);
    }
}
