package ftenergy.cli;

import com.typesafe.config.Config;
import ftenergy.config.AppSettings;
import ftenergy.config.ConfigReader;
import ftenergy.config.LayeredConfig;
import ftenergy.lake.LakeWriter;
import ftenergy.lake.Lakehouse;
import ftenergy.lake.LakehouseSession;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * One command's run: the configuration loaded once from all layers, where results are printed,
 * and a Spark session created only if the command asks for one.
 */
public final class Invocation implements AutoCloseable {

    private final Config config;
    private final AppSettings settings;
    private final PrintStream out;
    private SparkSession spark;

    /**
     * Loads and checks the configuration (see {@link LayeredConfig} for the order of the layers).
     *
     * @param configFiles {@code --config} files, lowest precedence first
     * @param environment the process environment ({@code FTENERGY_*} variables)
     * @param defines {@code -Dkey=value} arguments
     * @param flags dedicated flags as configuration keys
     * @param out where results and progress are printed
     * @throws ftenergy.config.ConfigError naming every problem, before any Spark session exists
     */
    Invocation(List<Path> configFiles, Map<String, String> environment, Map<String, String> defines, Map<String, String> flags,
            PrintStream out) {
        this.out = out;
        this.config = LayeredConfig.load(configFiles, environment, defines, flags);
        ConfigReader in = new ConfigReader(config);
        this.settings = AppSettings.read(in);
        LakeWriter.Appends.read(in); // checked here, before any Spark session, like every other key
        in.finish();
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
