package ftenergy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.data.TaskType;
import ftenergy.predict.TinyCheckpoints;
import ftenergy.lake.TestSpark;
import ftenergy.model.TaskHead;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ftenergy infer} end to end through {@link Main}, on a CSV of texts. */
class InferCommandTest {

    @TempDir
    static Path dir;

    private static String previousMaster;

    @BeforeAll
    static void localSpark() {
        previousMaster = System.setProperty("spark.master", "local[2]");
    }

    @AfterAll
    static void restore() {
        if (previousMaster == null) {
            System.clearProperty("spark.master");
        } else {
            System.setProperty("spark.master", previousMaster);
        }
    }

    private record Result(int code, String out, String err) {}

    private static Result ftenergy(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true), new PrintStream(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void csvOfTexts_isScoredAtEachBatchSizeAndWrittenToDelta() throws Exception {
        Path checkpoint = TinyCheckpoints.write(dir, "classifier",
                new TaskHead(TaskType.SEQUENCE_CLASSIFICATION, List.of("negative", "positive")));
        Path csv = dir.resolve("reviews.csv");
        Files.writeString(csv, """
                id,text
                1,the film was good
                2,"bad, bad plot"
                3,"a long ""film"" and a good cast"
                4,the cast
                5,good
                """);
        String output = dir.resolve("scored").toString();
        Result result = ftenergy("infer", "--checkpoint", checkpoint.toString(), "--input", csv.toString(),
                "--batch-sizes", "1,2", "--output", output, "--lakehouse", dir.resolve("lake").toString(),
                "-Dftenergy.meter.sample-interval=20ms");
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("infer: 5 rows in"), result.out());
        // Each pass over the 5 rows is repeated until it spans 10 sample intervals; J/example counts every example.
        assertTrue(result.out().matches("(?s).*infer: batch size 1: 5 rows, passes per partition \\[\\d+\\]: \\d+ examples in"
                + " \\d+ batches.*"), result.out());
        assertTrue(result.out().matches("(?s).*infer: batch size 2: 5 rows, passes per partition \\[\\d+\\]: \\d+ examples in"
                + " \\d+ batches.*kWh per 1000 examples.*"), result.out());
        // Energy per example is of the batches' own meter window; loading the model is reported apart.
        assertTrue(result.out().matches("(?s).*batch size 1: .* [0-9.e+-]+ J/example, .* model loading [0-9.e+-]+ J .*"), result.out());

        SparkSession spark = TestSpark.session();
        List<Row> scored = spark.read().format("delta").load(output).orderBy("pass_batch_size", "id").collectAsList();
        assertEquals(10, scored.size(), "5 rows per pass, 2 passes");
        assertEquals("3", String.valueOf(scored.get(2).<Object>getAs("id")));
        assertEquals("a long \"film\" and a good cast", scored.get(2).getAs("text"));
        assertTrue(List.of("negative", "positive").contains(scored.get(2).<String>getAs("prediction")));
    }

    @Test
    void missingCheckpointOrInput_isAUsageErrorSayingWhatToPass() {
        Result neither = ftenergy("infer", "--input", "x.csv");
        assertEquals(2, neither.code());
        assertTrue(neither.err().contains("infer needs exactly one of --run RUN_ID"), neither.err());
        Result noRun = ftenergy("infer", "--run", "0123456789abcdef", "--input", "x.csv",
                "--checkpoints", dir.resolve("none").toString());
        assertEquals(2, noRun.code());
        assertTrue(noRun.err().contains("no checkpoint directory"), noRun.err());
        assertTrue(noRun.err().contains("0123456789abcdef"), noRun.err());
    }
}
