package ftenergy.cli;

import com.typesafe.config.Config;
import ftenergy.config.AppSettings;
import ftenergy.config.ConfigReader;
import ftenergy.config.LayeredConfig;
import ftenergy.lake.LakeWriter;
import ftenergy.lake.Lakehouse;
import ftenergy.lake.LakehouseSession;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * One command's run: its arguments, the configuration loaded once from all layers, and a Spark
 * session created only if the command asks for one.
 */
public final class Invocation implements AutoCloseable {

    /** Flags that are shorthands for configuration keys. */
    private static final Map<String, String> FLAG_KEYS = Map.of(
            "lakehouse", "ftenergy.lakehouse",
            "data-dir", "ftenergy.data-dir",
            "checkpoints", "ftenergy.checkpoints",
            "reports", "ftenergy.reports");

    private final Arguments arguments;
    private final Config config;
    private final AppSettings settings;
    private final PrintStream out;
    private SparkSession spark;

    public Invocation(Arguments arguments, PrintStream out) {
        this.arguments = arguments;
        this.out = out;
        Map<String, String> flagLayer = new LinkedHashMap<>();
        FLAG_KEYS.forEach((flag, key) -> {
            if (arguments.flags().containsKey(flag)) {
                flagLayer.put(key, arguments.flags().get(flag));
            }
        });
        this.config = LayeredConfig.load(arguments.confFile(), arguments.defines(), flagLayer);
        ConfigReader in = new ConfigReader(config);
        this.settings = AppSettings.read(in);
        LakeWriter.Appends.read(in); // checked here, before any Spark session, like every other key
        in.finish();
    }

    public Arguments arguments() {
        return arguments;
    }

    public Config config() {
        return config;
    }

    public AppSettings settings() {
        return settings;
    }

    public PrintStream out() {
        return out;
    }

    /** The Spark session (master from spark-submit), created on first use. */
    public SparkSession spark() {
        if (spark == null) {
            spark = LakehouseSession.builder(settings).getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
        }
        return spark;
    }

    /** The lakehouse, its tables created if missing and registered for SQL. */
    public Lakehouse lakehouse() {
        return LakehouseSession.attach(spark(), settings);
    }

    @Override
    public void close() {
        if (spark != null) {
            spark.stop();
        }
    }
}
