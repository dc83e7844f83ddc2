package ftenergy.prepare;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import ftenergy.FtenergyException;
import ftenergy.config.AppSettings;
import ftenergy.data.CorpusStore;
import ftenergy.data.CorpusTokenizer;
import ftenergy.data.NpmPack;
import ftenergy.data.TaskDataException;
import ftenergy.data.TaskInfo;
import ftenergy.lake.LakeTables;
import ftenergy.lake.LakeWriter;
import ftenergy.lake.Lakehouse;
import ftenergy.plan.SweepSettings;
import ftenergy.provenance.Sha256;
import ftenergy.task.TaskDefinition;
import ftenergy.text.TokenizerFile;
import ftenergy.text.Vocabulary;
import ftenergy.text.WordPieceConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code ftenergy prepare}: checks that every task of the sweep can be read (before any Spark job),
 * fetches the corpora, trains (or loads) the tokenizer on the driver, then tokenizes every task with
 * Spark into the {@code examples} table: records are read on the executors (Spark's data sources,
 * or a reader per file), tokenized per partition, and a task's rows replace its partition of the
 * table in one transaction only once the error budget is met, so a failed prepare leaves the
 * lakehouse as it was. A task already prepared with the same tokenizer and definition is left
 * alone, so re-running is idempotent and cheap; {@code force} re-tokenizes.
 */
public final class PrepareJob {

    /** Share of each task held out for evaluation when it has no validation split, by a hash of the record id. */
    private static final double VALIDATION_FRACTION = 0.1;

    private static final long SPLIT_SEED = 20231117L;

    /** Malformed records named in the report of a prepared task. */
    private static final int ISSUES_SHOWN = 5;

    private PrepareJob() {}

    public static PreparedData run(Lakehouse lake, AppSettings app, SweepSettings sweep, boolean force, PrintStream out) {
        List<TaskDefinition> tasks = checkSources(lake.spark(), sweep);
        CorpusStore store = new CorpusStore(app.dataDir(), NpmPack.onPath());
        Path tokenizer = tokenizer(store, app, sweep, out);
        String hash = hash(tokenizer);
        int maxSeqLen = longestLength(sweep);
        Vocabulary vocabulary = TokenizerFile.vocabulary(tokenizer);
        List<String> names = tasks.stream().map(TaskDefinition::name).toList();
        TaskTable table = TaskTable.read(lake, names);
        SourceFiles files = new SourceFiles(lake.spark().sparkContext().hadoopConfiguration());
        boolean tokenized = false;
        for (TaskDefinition task : tasks) {
            if (!force && table.prepared(task.name(), hash, task.fingerprint())) {
                out.println("prepare: " + task.name() + " already tokenized with tokenizer " + hash);
                continue;
            }
            RecordCap cap = task.name().equals(sweep.corpus()) ? RecordCap.of(sweep.corpusMaxExamples(), VALIDATION_FRACTION)
                    : RecordCap.NONE;
            prepare(lake, files, store, task, cap, new Tokenizing(tokenizer.toString(), maxSeqLen, hash), out);
            tokenized = true;
        }
        (tokenized ? TaskTable.read(lake, names) : table).print(out);
        return new PreparedData(tokenizer, vocabulary.size(), vocabulary.id(Vocabulary.SEP), hash, maxSeqLen);
    }

    /**
     * The sweep's tasks as they will be read (a built-in task whose official files are absent reads
     * its HuggingFace export). Looks at paths, headers and schemas only, and runs no Spark job.
     *
     * @throws ftenergy.config.ConfigError naming each path that names nothing and each column a source lacks
     */
    public static List<TaskDefinition> checkSources(SparkSession spark, SweepSettings sweep) {
        return SourceCheck.resolve(spark.sparkContext().hadoopConfiguration(), sweep.tasks());
    }

    /** The tokenizer every task is encoded with. */
    private record Tokenizing(String path, int maxSeqLen, String hash) {}

    private static void prepare(Lakehouse lake, SourceFiles files, CorpusStore store, TaskDefinition task, RecordCap cap,
            Tokenizing tokenizing, PrintStream out) {
        long started = System.nanoTime();
        SparkSession spark = lake.spark();
        TaskRecords records = TaskRecords.read(spark, files, task, store, VALIDATION_FRACTION, SPLIT_SEED, cap);
        Dataset<Row> rows = null;
        try {
            TaskInfo info = task.info(records.labelNames());
            rows = EncodedRows.encode(spark, records.rows(), new EncodedRows.Encoding(info, tokenizing.path(),
                    tokenizing.maxSeqLen(), tokenizing.hash(), task.fingerprint())).persist(StorageLevel.DISK_ONLY());
            Row counts = rows.agg(count(lit(1)), count(col(EncodedRows.ISSUE))).first();
            long total = counts.getLong(0);
            long malformed = counts.getLong(1);
            List<String> firstIssues = malformed == 0 ? List.of() : rows.where(col(EncodedRows.ISSUE).isNotNull())
                    .select(EncodedRows.ISSUE).orderBy(EncodedRows.ISSUE).limit(ISSUES_SHOWN).collectAsList().stream()
                    .map(r -> r.getString(0)).toList();
            String source = "task '" + task.name() + "' (" + (task.train() == null ? "stand-in " + task.source().configName()
                    : task.train()) + ")";
            task.budget().check(source, total, malformed, firstIssues);
            // The table's own schema again (its keys are never null), for rows that now are all examples.
            Dataset<Row> examples = spark.createDataFrame(rows.where(col(EncodedRows.ISSUE).isNull()).drop(EncodedRows.ISSUE)
                    .javaRDD(), LakeTables.EXAMPLES.schema());
            requireUniqueIds(source, task, examples);
            new LakeWriter(lake).replace(LakeTables.EXAMPLES, "task = " + LakeWriter.literal(task.name()), examples);
            double seconds = (System.nanoTime() - started) / 1e9;
            long count = total - malformed;
            out.printf(Locale.ROOT, "prepare: %s tokenized %d examples in %.1f s (%.0f examples/s)%n", task.name(), count, seconds,
                    count / seconds);
            if (malformed > 0) {
                out.printf(Locale.ROOT, "prepare: %s skipped %d malformed record(s), within max-error-fraction %s; among them:%n",
                        task.name(), malformed, task.budget().maxErrorFraction());
                firstIssues.forEach(issue -> out.println("  " + issue));
            }
        } catch (Exception e) {
            throw dataProblem(e);
        } finally {
            if (rows != null) {
                rows.unpersist(false);
            }
            records.release();
        }
    }

    /** Two examples of a split with one id would be one row of the table's key: refused, naming some. */
    private static void requireUniqueIds(String source, TaskDefinition task, Dataset<Row> examples) {
        List<Row> repeated = examples.groupBy("split", "example_id").count().where(col("count").gt(1)).limit(3).collectAsList();
        if (!repeated.isEmpty()) {
            String id = task.columns().get(ftenergy.task.TaskColumns.ID);
            throw new TaskDataException(source, 0, "records share an id, e.g. " + repeated.stream()
                    .map(r -> r.getString(1) + " (" + r.getLong(2) + " times in " + r.getString(0) + ")").toList()
                    + (id == null ? "" : "; the id column '" + id + "' (" + task.key("columns.id")
                    + ") must be unique, or left out to number records by file and row"));
        }
    }

    /**
     * A failure of a Spark job that read or tokenized the data, as what it was: the data problem
     * an executor found (file and line), not Spark's wrapper.
     */
    private static RuntimeException dataProblem(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof FtenergyException problem) {
                return problem;
            }
        }
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e);
    }

    private static Path tokenizer(CorpusStore store, AppSettings app, SweepSettings sweep, PrintStream out) {
        if (sweep.tokenizer().vocabFile() == null) {
            out.println("prepare: WordPiece tokenizer of " + sweep.tokenizer().vocabSize() + " tokens from the npm pre-training"
                    + " corpus (trained once, then cached under " + app.dataDir().resolve("tokenizers") + ")");
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

    static String hash(Path file) {
        try {
            return Sha256.shortOfFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
