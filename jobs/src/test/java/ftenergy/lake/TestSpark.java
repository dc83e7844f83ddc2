package ftenergy.lake;

import ftenergy.config.AppSettings;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** The Spark session tests share: local[2], Delta on, no UI. */
public final class TestSpark {

    private TestSpark() {}

    /**
     * Settings of a lakehouse under {@code dir} whose tables are registered in a database of their
     * own: a session's catalog refuses a second lakehouse's tables under the same names.
     */
    public static AppSettings settings(Path dir) {
        return new AppSettings(dir.toString(), dir, dir, dir, "test", Map.of(), null,
                "test_" + Integer.toHexString(dir.toAbsolutePath().toString().hashCode()).replace('-', '_'));
    }

    public static SparkSession session() {
        Path unused = Path.of("target", "unused");
        AppSettings settings = new AppSettings("unused", unused, unused, unused, "ftenergy-test", Map.of());
        return LakehouseSession.builder(settings)
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                .getOrCreate();
    }
}
