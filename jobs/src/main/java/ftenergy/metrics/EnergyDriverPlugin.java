package ftenergy.metrics;

import ftenergy.live.LiveDelivery;
import java.lang.System.Logger.Level;
import org.apache.spark.api.plugin.DriverPlugin;

/**
 * The driver side of {@link EnergyPlugin}: receives executors' deliveries and publishes them to
 * {@link LiveDeliveries}. Its reply is the delivery's key when every subscriber accepted it (the
 * acknowledgement an executor waits for), or else the reason it was refused, and the executor
 * sends it again.
 */
final class EnergyDriverPlugin implements DriverPlugin {

    private static final System.Logger LOG = System.getLogger("ftenergy.metrics");

    /** Called on Spark's RPC thread for each message an executor asks with. */
    @Override
    public Object receive(Object message) {
        if (!(message instanceof LiveDelivery delivery)) {
            throw new IllegalArgumentException("ftenergy's energy plugin on the driver got a "
                    + (message == null ? "null" : message.getClass().getName()) + ", expected a LiveDelivery:"
                    + " do the driver and the executors run the same ftenergy jar?");
        }
        try {
            LiveDeliveries.publish(delivery);
        } catch (LiveDeliveries.RefusedException refused) {
            LOG.log(Level.WARNING, refused.getMessage(), refused);
            return refused.getMessage();
        }
        return delivery.key();
    }
}
