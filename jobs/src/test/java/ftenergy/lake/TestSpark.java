package ftenergy.lake;

import ftenergy.config.AppSettings;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** The Spark session tests share: local[2], Delta on, no UI. */
public final class TestSpark {

    private TestSpark() {}

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
