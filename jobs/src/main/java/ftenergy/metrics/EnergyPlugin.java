package ftenergy.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.SparkPlugin;

/**
 * ftenergy's Spark plugin, enabled with {@code --conf spark.plugins=ftenergy.metrics.EnergyPlugin}
 * (a sweep's session adds it by itself). Each executor registers gauges of its run in flight in its
 * metric registry, which Spark's sinks export ({@link EnergyGauges}), and sends the driver what the
 * run measured every {@value #DELIVERY_INTERVAL} and once more when it ends ({@link DeliveryOutbox});
 * the driver hands each delivery to the subscribers of {@link LiveDeliveries}. In local mode the
 * executor side runs in the driver's JVM.
 */
public final class EnergyPlugin implements SparkPlugin {

    /** The Spark setting executors read the delivery interval from (a Spark time, e.g. {@code 30s}). */
    public static final String DELIVERY_INTERVAL = "spark.ftenergy.delivery-interval";

    /** Spark's list of plugins. */
    public static final String PLUGINS = "spark.plugins";

    @Override
    public DriverPlugin driverPlugin() {
        return new EnergyDriverPlugin();
    }

    @Override
    public ExecutorPlugin executorPlugin() {
        return new EnergyExecutorPlugin();
    }

    /**
     * A {@value #PLUGINS} value with this plugin after the plugins already in {@code plugins}
     * (comma-separated, possibly empty), unless it is there already.
     */
    public static String addedTo(String plugins) {
        List<String> names = new ArrayList<>(Arrays.stream(plugins.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList());
        if (!names.contains(EnergyPlugin.class.getName())) {
            names.add(EnergyPlugin.class.getName());
        }
        return String.join(",", names);
    }
}
