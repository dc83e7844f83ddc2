package ftenergy.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.live.AttemptIdentity;
import ftenergy.live.LiveDelivery;
import ftenergy.live.LiveProgress;
import ftenergy.meter.MeterReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
