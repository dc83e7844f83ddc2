package ftenergy.notebook;

import ftenergy.config.AppSettings;
import ftenergy.config.ConfigReader;
import ftenergy.config.LayeredConfig;
import ftenergy.lake.LakeException;
import ftenergy.lake.LakeTables;
import ftenergy.lake.Lakehouse;
import ftenergy.lake.LakehouseSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.spark.sql.SparkSession;

/**
 * A local Spark session over one lakehouse, for notebooks: Delta enabled, the lakehouse's existing
 * tables registered in its database ({@code ftenergy} unless {@code ftenergy.lake.database} says
 * otherwise), which becomes the current one, so {@code SELECT ... FROM runs} works.
 *
 * <p>Opening it writes nothing to the lakehouse. {@link LakehouseSession#attach} would create
 * missing tables and add the columns a newer contract defines; a notebook only registers what is
 * there, so it can read a lakehouse a sweep is writing, or one written by an older version. The
 * SQL database lives in a temporary warehouse directory, not beside the notebook.
 *
 * <pre>{@code
 * NotebookSession session = NotebookSession.open(System.getenv(), "../lakehouse");
 * session.spark().sql("SELECT kind, count(*) FROM runs GROUP BY kind").show();
 * }</pre>
 *
 * @param spark the session; the notebook stops it
 * @param settings the configuration it was opened with (lakehouse, database)
 */
public record NotebookSession(SparkSession spark, AppSettings settings) {

    /** The environment variable naming the lakehouse ({@code ftenergy.lakehouse}). */
    public static final String LAKEHOUSE_VARIABLE = "FTENERGY_LAKEHOUSE";

    /**
     * Kept so the level holds: {@code java.util.logging} keeps loggers weakly. The kernel logs at a
     * fine level, and Janino (Spark's code generator) logs fine-level messages that fail while
     * being formatted.
     */
    private static final Logger JANINO_LOG = Logger.getLogger("org.codehaus.janino");

    /**
     * Opens the session on the calling thread, whose context class loader becomes the one that
     * loaded Spark: Spark finds Delta and compiles its generated code through it, and a notebook
     * kernel's thread has the kernel's own loader, without Spark.
     *
     * @param environment {@code FTENERGY_*} variables configure it as they configure the command line
     * @param defaultLakehouse the lakehouse when {@value #LAKEHOUSE_VARIABLE} is unset
     * @throws LakeException naming the lakehouse and what to do when it holds no {@code runs} table
     * @throws ftenergy.config.ConfigError naming every unusable {@code FTENERGY_*} variable
     */
    public static NotebookSession open(Map<String, String> environment, String defaultLakehouse) {
        Map<String, String> flags = environment.containsKey(LAKEHOUSE_VARIABLE) ? Map.of() : Map.of("ftenergy.lakehouse", defaultLakehouse);
        ConfigReader in = new ConfigReader(LayeredConfig.load(List.of(), environment, Map.of(), flags));
        AppSettings settings = AppSettings.read(in);
        in.finish();

        Path warehouse = temporaryDirectory();
        Thread.currentThread().setContextClassLoader(SparkSession.class.getClassLoader());
        JANINO_LOG.setLevel(Level.WARNING);
        SparkSession spark = LakehouseSession.builder(settings)
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.warehouse.dir", warehouse.toUri().toString())
                .getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        Lakehouse lake = new Lakehouse(spark, settings.lakehouse());
        if (!lake.exists(LakeTables.RUNS)) {
            throw new LakeException("no lakehouse at " + lake.root() + ": it holds no Delta table 'runs'. Set "
                    + LAKEHOUSE_VARIABLE + " to a lakehouse (bin/ftenergy demo writes ./lakehouse), or run"
                    + " notebooks/run-notebooks.sh, which writes a synthetic one");
        }
        lake.register(settings.catalog(), settings.database());
        // Registered after the warehouse: files are deleted at exit in reverse order, the database's directory first.
        warehouse.resolve(settings.database() + ".db").toFile().deleteOnExit();
        return new NotebookSession(spark, settings);
    }

    /** The lakehouse's root, as configured. */
    public String lakehouse() {
        return settings.lakehouse();
    }

    /**
     * One line on what this session reads: versions, the lakehouse (relative to the working
     * directory, so stored notebook outputs name no directory of the machine that ran them) and
     * the tables registered.
     */
    public String describe() {
        List<String> tables = spark.catalog().listTables().collectAsList().stream()
                .map(org.apache.spark.sql.catalog.Table::name).sorted().toList();
        return "Spark " + spark.version() + " on Java " + Runtime.version().feature() + "; lakehouse " + shown(lakehouse())
                + "; database " + settings.database() + ": " + String.join(", ", tables);
    }

    /** A local path relative to the working directory; a URI as it is. */
    static String shown(String lakehouse) {
        if (lakehouse.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return lakehouse;
        }
        Path here = Path.of("").toAbsolutePath();
        Path relative = here.relativize(Path.of(lakehouse).toAbsolutePath().normalize());
        return relative.toString().isEmpty() ? "." : relative.toString();
    }

    private static Path temporaryDirectory() {
        try {
            Path dir = Files.createTempDirectory("ftenergy-notebook-warehouse");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary SQL warehouse directory: " + e.getMessage(), e);
        }
    }
}
