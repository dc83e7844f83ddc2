package ftenergy.metrics;

import ftenergy.config.AppSettings;
import ftenergy.live.LiveAttempt;
import ftenergy.live.LiveDelivery;
import java.time.Duration;
import java.util.Map;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;

/**
 * The executor side of {@link EnergyPlugin}: registers {@link EnergyGauges} in the executor's
 * metric registry and sends the driver the deliveries of its attempts in flight through a
 * {@link DeliveryOutbox}, asking (not just sending) so that each delivery is acknowledged.
 */
final class EnergyExecutorPlugin implements ExecutorPlugin {

    private DeliveryOutbox outbox;
    private LiveAttempt.Watch ends;

    @Override
    public void init(PluginContext context, Map<String, String> extraConf) {
        EnergyGauges.register(context.metricRegistry());
        outbox = new DeliveryOutbox(delivery -> acknowledged(context, delivery), deliveryInterval(context));
        ends = LiveAttempt.watchEnds(outbox::queueLast);
    }

    @Override
    public void shutdown() {
        if (ends != null) {
            ends.close();
        }
        if (outbox != null) {
            outbox.close();
        }
    }

    private static void acknowledged(PluginContext context, LiveDelivery delivery) throws Exception {
        Object reply = context.ask(delivery);
        if (!delivery.key().equals(reply)) {
            throw new IllegalStateException("the driver did not acknowledge it: " + reply);
        }
    }

    /** {@value EnergyPlugin#DELIVERY_INTERVAL}, or ftenergy's default where the session set none. */
    private static Duration deliveryInterval(PluginContext context) {
        String key = EnergyPlugin.DELIVERY_INTERVAL;
        long millis;
        try {
            millis = context.conf().getTimeAsMs(key, AppSettings.DEFAULT_DELIVERY_INTERVAL.toMillis() + "ms");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " = '" + context.conf().get(key) + "' is not a time such as 30s or 500ms", e);
        }
        if (millis <= 0) {
            throw new IllegalArgumentException(key + " = '" + context.conf().get(key) + "' must be a positive time such as 30s");
        }
        return Duration.ofMillis(millis);
    }
}
