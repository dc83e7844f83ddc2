package ftenergy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ftenergy.lake.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TabSeparatedTest {

    static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = TestSpark.session();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private static List<String> lines(java.util.function.Consumer<PrintStream> printer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        printer.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return Arrays.asList(bytes.toString(StandardCharsets.UTF_8).split("\n"));
    }

    @Test
    void valuesWithSeparators_stayOnOneLineAndNullIsDistinctFromEmpty() {
        List<Row> rows = List.of(RowFactory.create("a\tb", "line1\nline2\r"), RowFactory.create("", null), RowFactory.create("back\\slash", "\\N"));
        List<String> out = lines(o -> TabSeparated.print(new String[] {"x", "y"}, rows.iterator(), o));
        assertEquals(List.of("x\ty", "a\\tb\tline1\\nline2\\r", "\t\\N", "back\\\\slash\t\\\\N"), out);
    }

    @Test
    void sqlResult_printsHeaderAndSparksStringFormOfEachValue() {
        List<String> out = lines(o -> TabSeparated.print(spark.sql(
                "SELECT 'r1' AS run_id, 2 AS attempt, CAST(NULL AS STRING) AS error, array(1, 2) AS ids, 0.5D AS kwh"), o));
        assertEquals(List.of("run_id\tattempt\terror\tids\tkwh", "r1\t2\t\\N\t[1, 2]\t0.5"), out);
    }

    @Test
    void joinWithRepeatedColumnNames_printsBothColumns() {
        List<String> out = lines(o -> TabSeparated.print(spark.sql(
                "SELECT a.id, b.id FROM (SELECT 1 AS id) a JOIN (SELECT 2 AS id) b"), o));
        assertEquals(List.of("id\tid", "1\t2"), out);
    }

    @Test
    void emptyResult_printsTheHeaderOnly() {
        List<String> out = lines(o -> TabSeparated.print(spark.sql("SELECT 1 AS one WHERE false"), o));
        assertEquals(List.of("one"), out);
    }
}
