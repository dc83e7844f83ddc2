package ftenergy.prepare;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.data.Splits;
import ftenergy.data.TaskDataException;
import ftenergy.data.TextRecord;
import ftenergy.lake.LakeTables;
import ftenergy.lake.Lakehouse;
import ftenergy.lake.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While a declared task is read, a malformed row is reported with its file and row, and the task's
 * error budget decides whether preparing goes on; a prepare that fails leaves the lakehouse as it
 * was.
 */
class MalformedRowsTest {

    @TempDir
    static Path dir;

    static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = TestSpark.session();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    /** A review task over {@code csv}, with {@code extra} keys. */
    static PrepareFixture reviews(String name, Path csv, String extra) throws IOException {
        return PrepareFixture.of(dir, name, List.of("reviews"), """
                ftenergy.tasks.reviews {
                  type = single-classification
                  format = csv
                  train = "%s"
                  columns { id = id, text = review, label = stars }
                %s}
                """.formatted(csv, extra));
    }

    /** {@code n} well-formed rows, ids 1..n, stars cycling 1..5, a quoted comma and a quoted line break among them. */
    static List<String> rows(int n) {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String review = i % 7 == 0 ? "\"the cat, the dog\"" : i % 11 == 0 ? "\"it was\nwritten in paris\"" : "the cat sat " + i;
            rows.add(i + "," + review + "," + (1 + i % 5));
        }
        return rows;
    }

    static Path csv(String name, List<String> rows) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "id,review,stars\n" + String.join("\n", rows) + "\n");
        return file;
    }

    @Test
    void malformedRowsWithinTheBudget_areSkippedAndNamedWithFileAndRow() throws IOException {
        List<String> rows = rows(60);
        rows.add("61,the cat sat,7");
        Path csv = csv("within.csv", rows);
        PrepareFixture fixture = reviews("within", csv, "labels = [\"1\", \"2\", \"3\", \"4\", \"5\"]\nmax-error-fraction = 0.05\n");
        String printed = fixture.prepare(spark, false);
        assertTrue(printed.contains("prepare: reviews skipped 1 malformed record(s), within max-error-fraction 0.05"), printed);
        assertTrue(printed.contains(csv.getFileName() + ", row 61: stars '7' is not one of [1, 2, 3, 4, 5]"), printed);
        assertEquals(60, fixture.lake(spark).read(LakeTables.EXAMPLES).where(col("task").equalTo("reviews")).count());
    }

    @Test
    void overTheBudget_failsNamingTheRows_andLeavesTheLakehouseAsItWas() throws IOException {
        Path csv = csv("over.csv", rows(20));
        PrepareFixture fixture = reviews("over", csv, "");
        fixture.prepare(spark, false);
        Lakehouse lake = fixture.lake(spark);
        long version = lake.delta(LakeTables.EXAMPLES).history(1).first().getLong(0);
        List<Row> before = lake.read(LakeTables.EXAMPLES).where(col("task").equalTo("reviews")).orderBy("example_id").collectAsList();

        List<String> broken = rows(20);
        broken.set(1, "2,,3");
        broken.set(4, "5,   ,1");
        csv("over.csv", broken);
        // A changed definition is prepared again, without --force (which would prepare the corpus again too).
        PrepareFixture changed = reviews("over", csv, "max-error-fraction = 0.05\n");
        TaskDataException e = assertThrows(TaskDataException.class, () -> changed.prepare(lake, false));
        assertTrue(e.getMessage().contains("2 of 20 records are malformed (10.00%), more than the allowed max error fraction 0.05"),
                e.getMessage());
        assertTrue(e.getMessage().contains("over.csv, row 2: empty review"), e.getMessage());
        assertTrue(e.getMessage().contains("over.csv, row 5: empty review"), e.getMessage());
        assertEquals(version, lake.delta(LakeTables.EXAMPLES).history(1).first().getLong(0), "no commit");
        assertEquals(before, lake.read(LakeTables.EXAMPLES).where(col("task").equalTo("reviews")).orderBy("example_id").collectAsList());
    }

    @Test
    void withoutLabels_theSortedDistinctTrainingLabelsAreRecorded() throws IOException {
        Path csv = csv("labels.csv", List.of("1,the cat sat,10", "2,the dog sat,2", "3,hello world,1", "4,who wrote it,2"));
        PrepareFixture fixture = reviews("labels", csv, "validation = \"" + csv + "\"\n");
        fixture.prepare(spark, false);
        Row example = fixture.lake(spark).read(LakeTables.EXAMPLES).where(col("task").equalTo("reviews").and(col("example_id").equalTo("1")))
                .first();
        assertEquals(List.of("1", "2", "10"), example.getList(example.fieldIndex("label_names")), "numerically, as class indices sort");
        assertEquals(2, example.<Integer>getAs("label"));
    }

    @Test
    void withoutAValidationFile_theValidationShareIsHeldOutByIdAsListsAreSplit() throws IOException {
        Path csv = csv("held-out.csv", rows(50));
        PrepareFixture fixture = reviews("held-out", csv, "");
        fixture.prepare(spark, false);
        Set<String> validation = new HashSet<>();
        fixture.lake(spark).read(LakeTables.EXAMPLES).where(col("task").equalTo("reviews").and(col("split").equalTo(Splits.VALIDATION)))
                .select("example_id").collectAsList().forEach(r -> validation.add(r.getString(0)));
        List<TextRecord> records = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            records.add(new TextRecord(Integer.toString(i), "x", null, "1"));
        }
        Set<String> expected = new HashSet<>();
        Splits.byId(records, 0.1, 20231117L).validation().forEach(r -> expected.add(r.id()));
        assertEquals(5, validation.size());
        assertEquals(expected, validation);
    }

    @Test
    void unlabelledRecords_areMalformedNotTrainedOn() throws IOException {
        // HuggingFace's JSON-lines export writes -1 where a split has no labels.
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            lines.add("{\"idx\": " + i + ", \"sentence\": \"the cat sat " + i + "\", \"label\": " + (i % 2) + "}");
        }
        lines.add("{\"idx\": 21, \"sentence\": \"who wrote it\", \"label\": -1}");
        Path jsonl = dir.resolve("unlabelled.jsonl");
        Files.writeString(jsonl, String.join("\n", lines) + "\n");
        PrepareFixture fixture = PrepareFixture.of(dir, "unlabelled", List.of("sentences"), """
                ftenergy.tasks.sentences {
                  type = single-classification
                  format = jsonl
                  train = "%s"
                  columns { id = idx, text = sentence, label = label }
                  labels = ["0", "1"]
                  max-error-fraction = 0.1
                }
                """.formatted(jsonl));
        String printed = fixture.prepare(spark, false);
        assertTrue(printed.contains("record 21 has no label"), printed);
        assertEquals(20, fixture.lake(spark).read(LakeTables.EXAMPLES).where(col("task").equalTo("sentences")).count());
    }

    @Test
    void repeatedIds_areRefusedNamingThemAndTheIdColumn() throws IOException {
        Path csv = csv("repeated.csv", List.of("1,the cat sat,1", "2,the dog sat,2", "1,hello world,3"));
        PrepareFixture fixture = reviews("repeated", csv, "validation = \"" + csv + "\"\n");
        TaskDataException e = assertThrows(TaskDataException.class, () -> fixture.prepare(spark, false));
        assertTrue(e.getMessage().contains("records share an id, e.g. [1 (2 times in "), e.getMessage());
        assertTrue(e.getMessage().contains("ftenergy.tasks.reviews.columns.id"), e.getMessage());
    }
}
