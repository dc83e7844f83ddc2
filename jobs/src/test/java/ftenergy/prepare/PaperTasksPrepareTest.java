package ftenergy.prepare;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.data.ErrorBudget;
import ftenergy.data.Example;
import ftenergy.data.ExampleEncoder;
import ftenergy.data.ReadResult;
import ftenergy.data.Splits;
import ftenergy.data.TaskRecord;
import ftenergy.lake.LakeTables;
import ftenergy.lake.Lakehouse;
import ftenergy.lake.TestSpark;
import ftenergy.task.TaskDefinition;
import ftenergy.task.TaskFormat;
import ftenergy.task.TaskReaders;
import ftenergy.text.TextTokenizer;
import ftenergy.text.TokenizerFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper's tasks by name, each prepared end to end on local Spark from hand-written files in
 * its official release's layout (GLUE folders, aclImdb, SQuAD JSON, CoNLL columns) and from
 * HuggingFace-style Parquet exports written by Spark: the Table 1 row each gets (examples, mean and
 * longest length) is what reading the same files directly and tokenizing them gives.
 */
class PaperTasksPrepareTest {

    static final Path FIXTURES = PrepareFixture.FIXTURES;
    static final int MAX_LENGTH = PrepareFixture.MAX_LENGTH;

    @TempDir
    static Path dir;

    static SparkSession spark;
    static Path tokenizer;

    @BeforeAll
    static void startSpark() throws IOException {
        spark = TestSpark.session();
        tokenizer = dir.resolve("tokenizer.json");
        TokenizerFile.fromVocabTxt(FIXTURES.resolve("bert/vocab.txt"), true, tokenizer);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    /** A task's split as Table 1 gives it: examples, mean length, longest. */
    record Split(long examples, double mean, int max) {}

    static Split row(TaskTable table, String task, String split) {
        for (Row r : table.rows()) {
            if (r.getString(0).equals(task) && r.getString(1).equals(split)) {
                return new Split(r.getLong(5), r.getDouble(6), r.getInt(9));
            }
        }
        throw new AssertionError("no Table 1 row for " + task + " " + split + " in " + table.rows());
    }

    /** What tokenizing {@code lengths} gives. */
    static Split expected(int[] lengths) {
        return new Split(lengths.length, Arrays.stream(lengths).average().orElse(0), Arrays.stream(lengths).max().orElse(0));
    }

    static void assertRow(Split expected, Split actual, String what) {
        assertEquals(expected.examples(), actual.examples(), what + " examples");
        assertEquals(expected.mean(), actual.mean(), 1e-9, what + " mean length");
        assertEquals(expected.max(), actual.max(), what + " longest");
    }

    /** Lengths of a file-format split read directly by its reader and tokenized, without Spark. */
    static int[] readDirectly(TaskDefinition task, String path, List<String> labels) {
        ReadResult<? extends TaskRecord> read = TaskReaders.of(task).read(Path.of(path), new ErrorBudget(0.9));
        try (TextTokenizer tok = TextTokenizer.load(tokenizer, MAX_LENGTH)) {
            ExampleEncoder encoder = new ExampleEncoder(tok, task.info(labels));
            return read.records().stream().flatMap(r -> encoder.encode(Splits.TRAIN, r).stream()).mapToInt(Example::length).toArray();
        }
    }

    @Test
    void officialLayouts_underOnePaperRoot_prepareEachPresetWithItsTable1Row() throws IOException {
        List<String> tasks = List.of("sst2", "mnli", "mnli_mismatched", "rte", "imdb", "squad", "squad_v2", "conll2003");
        // SQuAD and CoNLL: the fixtures the readers are tested on, set one path per task.
        PrepareFixture config = PrepareFixture.of(dir, "official", tasks, """
                ftenergy.data.paper-root = "%s"
                ftenergy.tasks.squad { train = "%s", validation = "%s", max-error-fraction = 0.5 }
                ftenergy.tasks.squad_v2 { train = "%s", validation = "%s", max-error-fraction = 0.6 }
                ftenergy.tasks.conll2003 { train = "%s", validation = "%s", max-error-fraction = 0.5 }
                """.formatted(FIXTURES.resolve("paper-root"), FIXTURES.resolve("squad/v1.json"), FIXTURES.resolve("squad/v1.json"),
                FIXTURES.resolve("squad/v2.json"), FIXTURES.resolve("squad/v2.json"), FIXTURES.resolve("conll/eng.train"),
                FIXTURES.resolve("conll/eng.train")));
        String printed = config.prepare(spark, false);
        TaskTable table = config.table(spark);
        // Examples per split, counted by hand in the fixtures (malformed records skipped).
        Map<String, long[]> counts = Map.of("sst2", new long[] {5, 2}, "mnli", new long[] {4, 3}, "mnli_mismatched",
                new long[] {4, 2}, "rte", new long[] {3, 2}, "imdb", new long[] {4, 3}, "squad", new long[] {2, 2},
                "squad_v2", new long[] {2, 2}, "conll2003", new long[] {3, 3});
        for (String name : tasks) {
            TaskDefinition task = config.sweep().task(name);
            List<String> labels = task.labels();
            for (String split : List.of(Splits.TRAIN, Splits.VALIDATION)) {
                String path = split.equals(Splits.TRAIN) ? task.train() : task.validation();
                Split actual = row(table, name, split);
                assertEquals(counts.get(name)[split.equals(Splits.TRAIN) ? 0 : 1], actual.examples(), name + " " + split);
                assertRow(expected(readDirectly(task, path, labels)), actual, name + " " + split);
            }
        }
        assertTrue(printed.contains("prepare: squad_v2 skipped 4 malformed record(s)"), printed);
        assertTrue(printed.matches("(?s).*\\.json:\\d+: question a3 has no answers.*"), "file and line of the skipped question:\n" + printed);
        Row mnli = new Lakehouse(spark, config.app().lakehouse()).read(LakeTables.EXAMPLES)
                .where(col("task").equalTo("mnli_mismatched").and(col("split").equalTo(Splits.VALIDATION))).orderBy("example_id").first();
        assertEquals(List.of("entailment", "neutral", "contradiction"), mnli.getList(mnli.fieldIndex("label_names")));
        assertEquals(2, mnli.<Integer>getAs("label"), "dev_mismatched.tsv index 0 is a contradiction");
        assertTrue(mnli.isNullAt(mnli.fieldIndex("stands_in_for")), "real data stands in for nothing");
    }

    @Test
    void huggingFaceParquetExports_underThePaperRoot_areReadWhenTheOfficialFilesAreAbsent() throws IOException {
        Path root = Files.createDirectories(dir.resolve("hf-root"));
        List<String> sst2Train = List.of("a gorgeous , witty , seductive movie .", "the mesmerizing performances of the leads",
                "it 's slow -- very , very slow .");
        export(root.resolve("sst2/train-00000-of-00001.parquet"), new StructType().add("sentence", DataTypes.StringType)
                .add("label", DataTypes.LongType).add("idx", DataTypes.IntegerType), List.of(
                RowFactory.create(sst2Train.get(0), 1L, 0), RowFactory.create(sst2Train.get(1), 1L, 1),
                RowFactory.create(sst2Train.get(2), 0L, 2)));
        export(root.resolve("sst2/validation-00000-of-00001.parquet"), new StructType().add("sentence", DataTypes.StringType)
                .add("label", DataTypes.LongType).add("idx", DataTypes.IntegerType), List.of(
                RowFactory.create("unflinchingly bleak and desperate", 0L, 0)));
        StructType nli = new StructType().add("premise", DataTypes.StringType).add("hypothesis", DataTypes.StringType)
                .add("label", DataTypes.LongType).add("idx", DataTypes.IntegerType);
        export(root.resolve("mnli/train-00000-of-00001.parquet"), nli, List.of(
                RowFactory.create("The cat sat.", "A cat was sitting.", 0L, 0), RowFactory.create("The cat sat.", "No cat sat.", 2L, 1)));
        export(root.resolve("mnli/validation_matched-00000-of-00001.parquet"), nli, List.of(
                RowFactory.create("Who wrote it?", "Melville wrote it.", 1L, 0)));
        StructType ner = new StructType().add("id", DataTypes.StringType)
                .add("tokens", DataTypes.createArrayType(DataTypes.StringType)).add("ner_tags", DataTypes.createArrayType(DataTypes.LongType));
        // The dataset viewer's layout: <config>/<split>/0000.parquet.
        export(root.resolve("conll2003/train/0000.parquet"), ner, List.of(
                RowFactory.create("0", List.of("EU", "rejects", "German", "call"), List.of(3L, 0L, 7L, 0L)),
                RowFactory.create("1", List.of("Peter", "Blackburn"), List.of(1L, 2L))));
        export(root.resolve("conll2003/validation/0000.parquet"), ner, List.of(
                RowFactory.create("0", List.of("BRUSSELS", "1996-08-22"), List.of(5L, 0L))));
        StructType qa = new StructType().add("id", DataTypes.StringType).add("title", DataTypes.StringType)
                .add("context", DataTypes.StringType).add("question", DataTypes.StringType)
                .add("answers", new StructType().add("text", DataTypes.createArrayType(DataTypes.StringType))
                        .add("answer_start", DataTypes.createArrayType(DataTypes.IntegerType)));
        String context = "It was written by Melville in 1851.";
        export(root.resolve("squad/train-00000-of-00001.parquet"), qa, List.of(
                RowFactory.create("s1", "Moby", context, "Who wrote it?", RowFactory.create(List.of("Melville"), List.of(18))),
                RowFactory.create("s2", "Moby", context, "When?", RowFactory.create(List.of("1851", "in 1851"), List.of(30, 27)))));
        export(root.resolve("squad/validation-00000-of-00001.parquet"), qa, List.of(
                RowFactory.create("s3", "Moby", context, "Who?", RowFactory.create(List.of("Melville"), List.of(18)))));

        // The same export declared by hand, format = parquet: a task of the user's own.
        PrepareFixture config = PrepareFixture.of(dir, "hf", List.of("sst2", "mnli", "conll2003", "squad", "my-nli"), """
                ftenergy.data.paper-root = "%1$s"
                ftenergy.tasks.my-nli {
                  type = pair-classification
                  format = parquet
                  train = "%1$s/mnli/train-00000-of-00001.parquet"
                  validation = "%1$s/mnli/validation_matched-00000-of-00001.parquet"
                  columns { id = idx, text = premise, text-pair = hypothesis, label = label }
                  labels = [entailment, neutral, contradiction]
                }
                """.formatted(root));
        config.prepare(spark, false);
        TaskTable table = config.table(spark);
        try (TextTokenizer tok = TextTokenizer.load(tokenizer, MAX_LENGTH)) {
            assertRow(expected(sst2Train.stream().mapToInt(s -> tok.encode(s).length()).toArray()), row(table, "sst2", Splits.TRAIN),
                    "sst2 train");
            assertRow(expected(new int[] {tok.encodePair("Who wrote it?", "Melville wrote it.").length()}),
                    row(table, "mnli", Splits.VALIDATION), "mnli validation");
            assertRow(row(table, "mnli", Splits.VALIDATION), row(table, "my-nli", Splits.VALIDATION), "my-nli validation");
            assertRow(expected(new int[] {tok.encodeWords(List.of("EU", "rejects", "German", "call")).length(),
                    tok.encodeWords(List.of("Peter", "Blackburn")).length()}), row(table, "conll2003", Splits.TRAIN), "conll2003 train");
            assertRow(expected(new int[] {tok.encodeQuestionContext("Who wrote it?", context).length(),
                    tok.encodeQuestionContext("When?", context).length()}), row(table, "squad", Splits.TRAIN), "squad train");
        }
        Lakehouse lake = new Lakehouse(spark, config.app().lakehouse());
        Row contradiction = lake.read(LakeTables.EXAMPLES).where(col("task").equalTo("mnli").and(col("example_id").equalTo("1"))).first();
        assertEquals(2, contradiction.<Integer>getAs("label"), "HuggingFace's class index 2 is MNLI's contradiction");
        Row tagged = lake.read(LakeTables.EXAMPLES).where(col("task").equalTo("conll2003").and(col("split").equalTo(Splits.TRAIN))
                .and(col("example_id").equalTo("1"))).first();
        List<Integer> tags = tagged.getList(tagged.fieldIndex("token_labels"));
        assertEquals(List.of(1, 2), tags.stream().filter(t -> t != Example.IGNORE).toList(), "B-PER I-PER on each word's first piece");
        TaskDefinition read = PrepareJob.checkSources(spark, config.sweep()).stream().filter(t -> t.name().equals("sst2"))
                .findFirst().orElseThrow();
        assertEquals(TaskFormat.PARQUET, read.format(), "the export, since SST-2/train.tsv is absent");
        assertEquals(read.fingerprint(), lake.read(LakeTables.EXAMPLES).where(col("task").equalTo("sst2")).first()
                .getAs("task_definition"));
    }

    /** Writes {@code rows} as one Parquet file at {@code file}, as HuggingFace's exports are single files. */
    static void export(Path file, StructType schema, List<Row> rows) throws IOException {
        Path scratch = dir.resolve("scratch-" + System.nanoTime());
        spark.createDataFrame(rows, schema).coalesce(1).write().parquet(scratch.toString());
        Files.createDirectories(file.getParent());
        try (Stream<Path> parts = Files.list(scratch)) {
            Path part = parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
            Files.move(part, file);
        }
        List<Path> leftovers = new ArrayList<>();
        try (Stream<Path> rest = Files.walk(scratch)) {
            rest.forEach(leftovers::add);
        }
        leftovers.sort((a, b) -> b.compareTo(a));
        for (Path p : leftovers) {
            Files.delete(p);
        }
    }
}
