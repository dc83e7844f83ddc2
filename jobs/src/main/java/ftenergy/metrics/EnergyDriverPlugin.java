package ftenergy.metrics;

import ftenergy.live.LiveDelivery;
import org.apache.spark.api.plugin.DriverPlugin;

/**
 * The driver side of {@link EnergyPlugin}: receives executors' deliveries and publishes them to
 * {@link LiveDeliveries}. Its reply, the delivery's key, is the acknowledgement an executor waits
 * for; a delivery a subscriber refused gets none and is sent again.
 */
final class EnergyDriverPlugin implements DriverPlugin {

    /** Called on Spark's RPC thread for each message an executor asks with. */
    @Override
    public Object receive(Object message) {
        if (!(message instanceof LiveDelivery delivery)) {
            throw new IllegalArgumentException("ftenergy's energy plugin on the driver got a "
                    + (message == null ? "null" : message.getClass().getName()) + ", expected a LiveDelivery:"
                    + " do the driver and the executors run the same ftenergy jar?");
        }
        LiveDeliveries.publish(delivery);
        return delivery.key();
    }
}
