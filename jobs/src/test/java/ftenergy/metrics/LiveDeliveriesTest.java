package ftenergy.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.live.AttemptIdentity;
import ftenergy.live.LiveDelivery;
import ftenergy.live.LiveProgress;
import ftenergy.meter.MeterReading;
import ftenergy.meter.PowerSample;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.JavaSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag$;

class LiveDeliveriesTest {

    private static final LiveDelivery DELIVERY = new LiveDelivery(new AttemptIdentity("r1", "s", 1), 0, 7, false, "h",
            Instant.EPOCH, Instant.EPOCH, new MeterReading(Instant.EPOCH, 1, 2, 3, 4, 5, 6), Map.of("cpu", "estimated-tdp"), List.of(),
            LiveProgress.NONE);

    @Test
    void refusingSubscriber_leavesTheDeliveryUnacknowledged_theOthersStillGetIt() {
        List<LiveDelivery> got = new ArrayList<>();
        try (LiveDeliveries.Subscription refusing = LiveDeliveries.subscribe(d -> {
                    throw new IllegalStateException("queue full on purpose");
                });
                LiveDeliveries.Subscription taking = LiveDeliveries.subscribe(got::add)) {
            Object reply = new EnergyDriverPlugin().receive(DELIVERY);
            assertNotEquals(DELIVERY.key(), reply, "no acknowledgement");
            String reason = reply.toString();
            assertTrue(reason.contains("delivery 7") && reason.contains("r1") && reason.contains("queue full on purpose"), reason);
            assertEquals(List.of(DELIVERY), got);
        }
    }

    @Test
    void acknowledgement_isTheDeliverysKey_andUnsubscribedGetNothing() {
        List<LiveDelivery> got = new ArrayList<>();
        LiveDeliveries.Subscription s = LiveDeliveries.subscribe(got::add);
        assertEquals(DELIVERY.key(), new EnergyDriverPlugin().receive(DELIVERY));
        s.close();
        new EnergyDriverPlugin().receive(DELIVERY);
        assertEquals(List.of(DELIVERY), got);
    }

    /**
     * An executor's delivery crosses to the driver through Spark's RPC, which serializes it with
     * Java serialization; a local session hands it over in-process, so only this catches a part
     * of it that cannot travel.
     */
    @Test
    void delivery_travelsThroughSparksJavaSerializer_whole() {
        LiveDelivery delivery = new LiveDelivery(new AttemptIdentity("r1", "s", 2), 1, 3, true, "h", Instant.ofEpochSecond(5),
                Instant.ofEpochSecond(1), new MeterReading(Instant.ofEpochSecond(5), 10, 20, 3, 40, 50, 6),
                Map.of("cpu", "measured-rapl", "gpu", "measured-nvml"),
                List.of(new PowerSample(Instant.ofEpochSecond(4), "gpu", "GPU-1234", 50, 20)),
                new LiveProgress(12, 300, 384, 96.5));
        SerializerInstance java = new JavaSerializer(new SparkConf()).newInstance();
        ByteBuffer bytes = java.serialize(delivery, ClassTag$.MODULE$.apply(LiveDelivery.class));
        LiveDelivery arrived = java.deserialize(bytes, ClassTag$.MODULE$.apply(LiveDelivery.class));
        assertEquals(delivery, arrived);
        assertEquals(delivery.key(), arrived.key());
    }

    @Test
    void otherMessage_isRefusedNamingWhatCame() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EnergyDriverPlugin().receive("hello"));
        assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
    }

    @Test
    void pluginList_getsThisPluginOnceAfterTheUsersOwn() {
        String ours = EnergyPlugin.class.getName();
        assertEquals(ours, EnergyPlugin.addedTo(""));
        assertEquals("com.example.Theirs," + ours, EnergyPlugin.addedTo(" com.example.Theirs, "));
        assertEquals(ours + ",com.example.Theirs", EnergyPlugin.addedTo(ours + ",com.example.Theirs"));
    }

    @Test
    void runIdPrefix_isExactInADouble_andZeroForOtherIds() {
        long prefix = EnergyGauges.runIdPrefix("0123456789abcdef");
        assertEquals(0x0123456789abcL, prefix);
        assertEquals(prefix, (long) (double) prefix);
        assertEquals(0, EnergyGauges.runIdPrefix("finetune-1"));
        assertEquals(0, EnergyGauges.runIdPrefix("abc"));
    }
}
