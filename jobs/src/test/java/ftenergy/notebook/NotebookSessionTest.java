package ftenergy.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.lake.LakeException;
import ftenergy.lake.LakeTables;
import ftenergy.lake.Lakehouse;
import ftenergy.lake.TestSpark;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;

class NotebookSessionTest {

    static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        System.setProperty("java.awt.headless", "true");
        spark = TestSpark.session();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    /** Environment of a lakehouse at {@code lakehouse}, registered in a database of the test's own. */
    private static Map<String, String> environment(Path lakehouse) {
        return Map.of(NotebookSession.LAKEHOUSE_VARIABLE, lakehouse.toString(), "FTENERGY_LAKE__DATABASE", database(lakehouse));
    }

    private static String database(Path lakehouse) {
        return "notebook_" + Integer.toHexString(lakehouse.toString().hashCode()).replace('-', '_');
    }

    /** Every file under {@code root} with its size and modification time. */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p));
            }
        }
        return files;
    }

    @Test
    void open_registersTheTablesThereAre_andWritesNothing() throws IOException {
        new Lakehouse(spark, dir.toString()).create(LakeTables.RUNS);
        Map<String, String> before = files(dir);

        NotebookSession session = NotebookSession.open(environment(dir), "unused");

        assertEquals(0L, session.spark().sql("SELECT count(*) FROM runs").first().getLong(0), "runs, through the current database");
        assertEquals(database(dir), session.spark().catalog().currentDatabase());
        assertFalse(Files.exists(dir.resolve(LakeTables.STEPS.name())), "a missing table must not be created");
        assertEquals(before, files(dir), "files of the lakehouse");
        assertTrue(session.describe().contains("runs"), session.describe());
    }

    @Test
    void open_withoutTheVariable_readsTheDefaultLakehouse() {
        new Lakehouse(spark, dir.toString()).create(LakeTables.RUNS);

        NotebookSession session = NotebookSession.open(Map.of("FTENERGY_LAKE__DATABASE", database(dir)), dir.toString());

        assertEquals(dir.toString(), session.lakehouse());
    }

    @Test
    void open_ofADirectoryWithoutRuns_namesItAndTheVariable() {
        LakeException e = assertThrows(LakeException.class, () -> NotebookSession.open(environment(dir), "unused"));

        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(NotebookSession.LAKEHOUSE_VARIABLE), e.getMessage());
    }

    @Test
    void shown_isRelativeToTheWorkingDirectory_andAUriAsItIs() {
        Path here = Path.of("").toAbsolutePath();

        assertEquals(Path.of("..", "lake").toString(), NotebookSession.shown(here.resolveSibling("lake").toString()));
        assertEquals("s3a://bucket/lake", NotebookSession.shown("s3a://bucket/lake"));
    }

    private static Dataset<Row> runs() {
        StructType schema = new StructType().add("hardware", DataTypes.StringType).add("tokens", DataTypes.LongType)
                .add("kwh", DataTypes.DoubleType);
        return spark.createDataFrame(List.of(RowFactory.create("gpu", 10L, 1.0), RowFactory.create("gpu", 20L, 2.0),
                RowFactory.create("cpu", 10L, 3.0), RowFactory.create("cpu", 30L, null)), schema);
    }

    @Test
    void scatter_drawsOneSeriesPerGroup_leavingOutNulls() {
        XYChart chart = DatasetCharts.scatter(runs(), "tokens", "kwh", "hardware", "energy");

        assertEquals(List.of("gpu (2)", "cpu (1)"), List.copyOf(chart.getSeriesMap().keySet()));
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        assertEquals(DatasetCharts.WIDTH, image.getWidth());
    }

    @Test
    void logarithmic_makesBothAxesLogarithmic() {
        XYChart chart = DatasetCharts.scatter(runs(), "tokens", "kwh", "hardware", "energy");

        DatasetCharts.logarithmic(chart);

        assertTrue(chart.getStyler().isXAxisLogarithmic() && chart.getStyler().isYAxisLogarithmic());
    }

    @Test
    void scatter_ofAColumnThatIsNoNumber_namesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetCharts.scatter(runs(), "hardware", "kwh", "hardware", "energy"));

        assertTrue(e.getMessage().contains("'hardware'"), e.getMessage());
    }

    @Test
    void bars_drawEveryValueColumn_andNullsAsNoBar() {
        CategoryChart chart = DatasetCharts.bars(runs(), "hardware", "energy", "kwh", "tokens");

        assertEquals(List.of("kwh", "tokens"), List.copyOf(chart.getSeriesMap().keySet()));
        assertNull(chart.getSeriesMap().get("kwh").getYData().stream().toList().get(3));
        assertEquals(DatasetCharts.HEIGHT, BitmapEncoder.getBufferedImage(chart).getHeight());
    }

    @Test
    void html_ofADataset_keepsItsOrderAndCountsTheRest() {
        String html = InlineTable.html(runs().orderBy(org.apache.spark.sql.functions.col("kwh").desc_nulls_last()), 2);

        assertTrue(html.contains(">3<") && html.indexOf(">3<") < html.indexOf(">2<"), html);
        assertTrue(html.contains("first 2 of 4 rows"), html);
    }
}
