package ftenergy.config;

import com.typesafe.config.ConfigUtil;
import java.nio.file.Path;
import java.util.Map;
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
 */
public record AppSettings(
        String lakehouse, Path dataDir, Path checkpoints, Path reports, String sparkAppName, Map<String, String> sparkConf) {

    /** Relative paths become absolute against this process's directory: executors run elsewhere. */
    public AppSettings {
        dataDir = dataDir.toAbsolutePath().normalize();
        checkpoints = checkpoints.toAbsolutePath().normalize();
        reports = reports.toAbsolutePath().normalize();
        sparkConf = Map.copyOf(sparkConf);
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
        return new AppSettings(
                lakehouse,
                in.path("ftenergy.data-dir"),
                in.path("ftenergy.checkpoints"),
                in.path("ftenergy.reports"),
                in.string("ftenergy.spark.app-name"),
                sparkConf);
    }
}
