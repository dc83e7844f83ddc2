package ftenergy.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task that cannot be read is a configuration error before any data is prepared or any Spark job
 * starts: exit code 2, the key with the file and line that set it, no stack trace, no lakehouse.
 */
class BadTaskConfigTest {

    @TempDir
    Path dir;

    Path reviews;

    @BeforeEach
    void writeData() throws IOException {
        reviews = dir.resolve("reviews.csv");
        Files.writeString(reviews, "id,review,stars\n1,\"Great, really\",5\n2,Dull,1\n");
    }

    record Outcome(int code, String err) {}

    /** {@code ftenergy prepare} with {@code conf}, the sweep fine-tuning {@code task}; counts Spark jobs. */
    Outcome prepare(String task, String conf) throws IOException {
        Path file = dir.resolve("user.conf");
        Files.writeString(file, conf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        JobCounter.JOBS.set(0);
        int code = Main.run(new String[] {"prepare", "--conf", file.toString(), "--lakehouse", dir.resolve("lake").toString(),
                        "--data-dir", dir.resolve("data").toString(), "-Dftenergy.sweep.finetune.tasks=[\"" + task + "\"]",
                        "-Dftenergy.spark.conf.spark.master=local[2]", "-Dftenergy.spark.conf.spark.ui.enabled=false",
                        "-Dftenergy.spark.conf.spark.extraListeners=" + JobCounter.class.getName()},
                new PrintStream(out, true), new PrintStream(err, true));
        assertEquals(0, JobCounter.JOBS.get(), "no Spark job may start");
        assertFalse(Files.exists(dir.resolve("lake")), "nothing may be prepared");
        assertFalse(Files.exists(dir.resolve("data")), "no corpus fetched, no tokenizer trained");
        assertFalse(err.toString().contains("\tat "), "no stack trace:\n" + err);
        return new Outcome(code, err.toString());
    }

    static void assertNames(Outcome outcome, String... parts) {
        assertEquals(2, outcome.code(), outcome.err());
        for (String part : parts) {
            assertTrue(outcome.err().contains(part), "'" + part + "' in:\n" + outcome.err());
        }
    }

    @Test
    void unknownTaskInTheSweep_namesTheKeyAndTheNearestTask() throws IOException {
        Outcome outcome = prepare("sst-2", "ftenergy.data.paper-root = \"/data\"\n");
        assertNames(outcome, "ftenergy.sweep.finetune.tasks", "unknown task 'sst-2'; did you mean 'sst2'?");
    }

    @Test
    void missingPath_namesTheKeyFileAndLine() throws IOException {
        Outcome outcome = prepare("reviews", """
                ftenergy.tasks.reviews {
                  type = single-classification
                  format = csv
                  train = "%s"
                  columns { text = review, label = stars }
                }
                """.formatted(dir.resolve("no-such.csv")));
        assertNames(outcome, "ftenergy.tasks.reviews.train (", "user.conf: 4", "nothing at " + dir.resolve("no-such.csv"));
    }

    @Test
    void columnTheFileLacks_namesTheColumnsItHas() throws IOException {
        Outcome outcome = prepare("reviews", """
                ftenergy.tasks.reviews {
                  type = single-classification
                  format = csv
                  train = "%s"
                  columns {
                    text = text
                    label = stars
                  }
                }
                """.formatted(reviews));
        assertNames(outcome, "ftenergy.tasks.reviews.columns.text (", "user.conf: 6",
                "column 'text' is not in " + reviews + "; it has: id, review, stars");
    }

    @Test
    void typeTheFormatCannotGive_isRefused() throws IOException {
        Outcome outcome = prepare("ner", """
                ftenergy.tasks.ner {
                  type = single-classification
                  format = conll
                  train = "%s"
                }
                """.formatted(reviews));
        assertNames(outcome, "ftenergy.tasks.ner.type (", "user.conf: 2", "format conll cannot give type single-classification");
    }

    @Test
    void builtInTaskWithoutPaperRoot_saysWhatToSet() throws IOException {
        Outcome outcome = prepare("mnli", "");
        assertNames(outcome, "ftenergy.tasks.mnli.train (", "reference.conf", "ftenergy.data.paper-root is not set");
    }

    @Test
    void officialFilesAndExportBothAbsent_namesBothPlaces() throws IOException {
        Outcome outcome = prepare("rte", "ftenergy.data.paper-root = \"" + dir.resolve("paper") + "\"\n");
        assertNames(outcome, "ftenergy.tasks.rte.train (", "nothing at " + dir.resolve("paper/RTE/train.tsv"),
                "nor is HuggingFace's Parquet export at " + dir.resolve("paper/rte/train{-*,/*,}.parquet"),
                "ftenergy.tasks.rte.hf-parquet.train");
    }
}
