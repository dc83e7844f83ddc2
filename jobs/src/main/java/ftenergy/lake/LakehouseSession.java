package ftenergy.lake;

import ftenergy.config.AppSettings;
import ftenergy.metrics.EnergyPlugin;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Opens a Spark session with Delta enabled and the lakehouse's tables registered, so analysts and
 * jobs can write {@code SELECT ... FROM runs}.
 *
 * <pre>{@code
 * SparkSession spark = LakehouseSession.builder(settings).master("local[2]").getOrCreate();
 * Lakehouse lake = LakehouseSession.attach(spark, settings);
 * spark.sql("SELECT task, avg(energy_kwh) FROM ftenergy.runs GROUP BY task").show();
 * }</pre>
 */
public final class LakehouseSession {

    private static final String METRICS_NAMESPACE = "spark.metrics.namespace";

    private LakehouseSession() {}

    /**
     * A session builder with Delta's SQL extension and catalog, ftenergy's {@link EnergyPlugin} after
     * any plugins the user set ({@code spark.plugins} from {@code spark-submit} or
     * {@code ftenergy.spark.conf}), and the user's {@code ftenergy.spark.conf}. The master is left to
     * {@code spark-submit} unless set on the builder.
     */
    public static SparkSession.Builder builder(AppSettings settings) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName(settings.sparkAppName())
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                // Small result sets: the default 200 shuffle partitions only add scheduling latency.
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.databricks.delta.snapshotPartitions", "2")
                // A .crc file per commit costs a sweep append about 0.1 s of driver CPU (measured on
                // a 30-column append: 0.28 -> 0.19 s); readers use it only to validate snapshots.
                .config("spark.databricks.delta.writeChecksumFile.enabled", "false")
                // CUDA then numbers GPUs in bus order, as NVML and Spark's discovery script do; a run
                // maps its GPU addresses to CUDA devices with it (ftenergy.gpu.GpuAddressMap)
                .config("spark.executorEnv.CUDA_DEVICE_ORDER", "PCI_BUS_ID")
                .config(EnergyPlugin.DELIVERY_INTERVAL, settings.deliveryInterval().toMillis() + "ms");
        // Metric names that do not change with each application id (and no warning that there is none yet).
        if (!settings.sparkConf().containsKey(METRICS_NAMESPACE) && !new SparkConf().contains(METRICS_NAMESPACE)) {
            builder = builder.config(METRICS_NAMESPACE, "ftenergy");
        }
        for (Map.Entry<String, String> entry : settings.sparkConf().entrySet()) {
            builder = builder.config(entry.getKey(), entry.getValue());
        }
        // A builder setting replaces spark-submit's: the user's plugins are read and kept.
        String userPlugins = settings.sparkConf().getOrDefault(EnergyPlugin.PLUGINS, new SparkConf().get(EnergyPlugin.PLUGINS, ""));
        return builder.config(EnergyPlugin.PLUGINS, EnergyPlugin.addedTo(userPlugins));
    }

    /**
     * Creates missing tables under {@code ftenergy.lakehouse} and registers them for SQL in
     * {@code ftenergy.lake.database}, which becomes the session's current database.
     */
    public static Lakehouse attach(SparkSession spark, AppSettings settings) {
        Lakehouse lake = new Lakehouse(spark, settings.lakehouse());
        lake.create();
        lake.register(settings.catalog(), settings.database());
        return lake;
    }
}
