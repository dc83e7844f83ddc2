package ftenergy.config;

import com.typesafe.config.ConfigUtil;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where ftenergy keeps its files and how it names its Spark application.
 *
 * @param lakehouse root of the Delta tables ({@code ftenergy.lakehouse})
 * @param dataDir fetched corpora and tokenizers ({@code ftenergy.data-dir})
 * @param checkpoints model checkpoints ({@code ftenergy.checkpoints})
 * @param reports report output ({@code ftenergy.reports})
 * @param sparkAppName Spark application name ({@code ftenergy.spark.app-name})
 * @param sparkConf extra Spark settings ({@code ftenergy.spark.conf})
 * @param catalog the catalog the tables are registered in ({@code ftenergy.lake.catalog}); null for the session's current one
 * @param database the database they are registered in ({@code ftenergy.lake.database})
 * @param deliveryInterval how often executors deliver their run's measurements to the driver
 *     ({@code ftenergy.metrics.delivery-interval})
 */
public record AppSettings(String lakehouse, Path dataDir, Path checkpoints, Path reports, String sparkAppName,
        Map<String, String> sparkConf, String catalog, String database, Duration deliveryInterval) {

    /** The default database of the tables. */
    public static final String DEFAULT_DATABASE = "ftenergy";

    /** The default {@code ftenergy.metrics.delivery-interval}, as {@code reference.conf} sets it. */
    public static final Duration DEFAULT_DELIVERY_INTERVAL = Duration.ofSeconds(30);

    /** Settings with the default delivery interval. */
    public AppSettings(String lakehouse, Path dataDir, Path checkpoints, Path reports, String sparkAppName,
            Map<String, String> sparkConf, String catalog, String database) {
        this(lakehouse, dataDir, checkpoints, reports, sparkAppName, sparkConf, catalog, database, DEFAULT_DELIVERY_INTERVAL);
    }

    /** Settings whose tables are registered in the session's current catalog, database {@value #DEFAULT_DATABASE}. */
    public AppSettings(String lakehouse, Path dataDir, Path checkpoints, Path reports, String sparkAppName,
            Map<String, String> sparkConf) {
        this(lakehouse, dataDir, checkpoints, reports, sparkAppName, sparkConf, null, DEFAULT_DATABASE);
    }

    /** Relative paths become absolute against this process's directory: executors run elsewhere. */
    public AppSettings {
        dataDir = dataDir.toAbsolutePath().normalize();
        checkpoints = checkpoints.toAbsolutePath().normalize();
        reports = reports.toAbsolutePath().normalize();
        sparkConf = Map.copyOf(sparkConf);
        Objects.requireNonNull(deliveryInterval, "deliveryInterval");
    }

    /** Reads the {@code ftenergy.*} paths and Spark settings; problems are collected in {@code in}. */
    public static AppSettings read(ConfigReader in) {
        String lakehouse = in.string("ftenergy.lakehouse");
        if (lakehouse.isBlank()) {
            in.problem("ftenergy.lakehouse", "must be a non-empty path or URI");
        }
        Map<String, String> sparkConf = new TreeMap<>();
        if (in.config().hasPath("ftenergy.spark.conf")) {
            // Quoted ("spark.sql.x" = 1) and nested (spark.sql.x = 1) spellings both become spark.sql.x.
            in.config().getConfig("ftenergy.spark.conf").entrySet().forEach(entry -> sparkConf.put(
                    String.join(".", ConfigUtil.splitPath(entry.getKey())),
                    String.valueOf(entry.getValue().unwrapped())));
        }
        String catalog = in.optionalString("ftenergy.lake.catalog");
        String database = in.string("ftenergy.lake.database");
        for (String[] name : new String[][] {{"ftenergy.lake.catalog", catalog}, {"ftenergy.lake.database", database}}) {
            if (name[1] != null && !name[1].matches("[A-Za-z_][A-Za-z0-9_]*")) {
                in.problem(name[0], "must be a SQL identifier (letters, digits and '_', not starting with a digit), was '"
                        + name[1] + "'");
            }
        }
        return new AppSettings(
                lakehouse,
                in.path("ftenergy.data-dir"),
                in.path("ftenergy.checkpoints"),
                in.path("ftenergy.reports"),
                in.string("ftenergy.spark.app-name"),
                sparkConf,
                catalog,
                database,
                in.positiveDuration("ftenergy.metrics.delivery-interval"));
    }
}
