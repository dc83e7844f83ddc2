package ftenergy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.lake.TestSpark;
import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lake query} refuses anything but reads, and {@code lake optimize} compacts small files, on
 * a real lakehouse whose power_samples table is made of one small file per append.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LakeCommandTest {

    private static final int APPENDS = 6;

    @TempDir
    static Path dir;

    private static String previousMaster;
    private static String samples;

    @BeforeAll
    static void lakehouseOfSmallAppends() {
        previousMaster = System.setProperty("spark.master", "local[2]");
        CliResult init = lake("init");
        assertEquals(0, init.code(), init.printed());
        samples = dir.resolve("lake").resolve("power_samples").toAbsolutePath().toString();
        SparkSession spark = TestSpark.session();
        for (int i = 0; i < APPENDS; i++) {
            spark.sql("INSERT INTO delta.`" + samples + "` VALUES ('run-" + i + "', 1, current_timestamp(), 'cpu', '0', 10.0, "
                    + i + ".0, 'sweep-test')");
        }
        assertEquals(APPENDS, files(spark));
    }

    @AfterAll
    static void restore() {
        if (previousMaster == null) {
            System.clearProperty("spark.master");
        } else {
            System.setProperty("spark.master", previousMaster);
        }
    }

    private static CliResult lake(String... args) {
        String[] line = new String[args.length + 4];
        line[0] = "lake";
        System.arraycopy(args, 0, line, 1, args.length);
        line[args.length + 1] = "--lakehouse";
        line[args.length + 2] = dir.resolve("lake").toString();
        line[args.length + 3] = "-Dftenergy.spark.conf.spark.ui.enabled=false";
        return CliResult.run(line);
    }

    private static long files(SparkSession spark) {
        return DeltaTable.forPath(spark, samples).detail().first().<Long>getAs("numFiles");
    }

    private static long rows() {
        return TestSpark.session().read().format("delta").load(samples).count();
    }

    @Test
    @Order(1)
    void writingStatements_areRefusedNamingTheirKind_andNothingChanges() {
        for (String statement : List.of("DELETE FROM power_samples", "INSERT INTO power_samples SELECT * FROM power_samples",
                "DROP TABLE power_samples")) {
            CliResult result = lake("query", statement);
            assertEquals(2, result.code(), statement + ": " + result.printed());
            String kind = statement.substring(0, statement.indexOf(' '));
            assertTrue(result.err().contains("read-only statements only") && result.err().contains("this " + kind
                    + " statement (Spark plan "), statement + ": " + result.printed());
            assertEquals("", result.out(), statement);
        }
        assertEquals(APPENDS, rows(), "every row is still there");
        assertEquals(APPENDS, files(TestSpark.session()), "no commit happened");
    }

    @Test
    @Order(2)
    void select_runsAndPrintsTabSeparatedRows() {
        CliResult result = lake("query", "SELECT run_id, joules_total FROM power_samples WHERE attempt = 1 ORDER BY run_id LIMIT 2");
        assertEquals(0, result.code(), result.printed());
        assertEquals(List.of("run_id\tjoules_total", "run-0\t0.0", "run-1\t1.0"), result.out().lines().toList());
    }

    @Test
    @Order(3)
    void optimize_compactsTheSmallFiles_keepingEveryRow() {
        CliResult result = lake("optimize");
        assertEquals(0, result.code(), result.printed());
        String line = result.out().lines().filter(l -> l.startsWith("power_samples ")).findFirst().orElse(result.printed());
        assertEquals(List.of("power_samples", String.valueOf(APPENDS), "1"), List.of(line.trim().split("\\s+")), result.printed());
        assertEquals(1, files(TestSpark.session()));
        assertEquals(APPENDS, rows());
    }
}
