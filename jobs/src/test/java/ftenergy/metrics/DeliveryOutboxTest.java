package ftenergy.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.live.AttemptIdentity;
import ftenergy.live.LiveAttempt;
import ftenergy.live.LiveDelivery;
import ftenergy.live.NewDeliveries;
import ftenergy.meter.EnergyMeter;
import ftenergy.meter.PowerSample;
import ftenergy.meter.SimulatedHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor's outbox against a courier of the test's own, on a simulated meter. */
class DeliveryOutboxTest {

    private static final AttemptIdentity RUN = new AttemptIdentity("abcdef0123456789", "sweep-o", 1);

    @TempDir
    Path dir;

    @BeforeAll
    static void noOtherOutbox() {
        LeftoverSpark.stop();
    }

    /** Records what it is handed; refuses the first delivery once. */
    private static final class RefusingOnce implements DeliveryOutbox.Courier {
        final List<LiveDelivery> handed = new ArrayList<>();
        final List<LiveDelivery> acknowledged = new ArrayList<>();

        @Override
        public synchronized void deliver(LiveDelivery delivery) {
            handed.add(delivery);
            if (handed.size() == 1) {
                throw new IllegalStateException("driver away on purpose");
            }
            acknowledged.add(delivery);
        }

        synchronized List<LiveDelivery> handed() {
            return List.copyOf(handed);
        }

        synchronized List<LiveDelivery> acknowledged() {
            return List.copyOf(acknowledged);
        }
    }

    @Test
    void refusedDelivery_isSentAgainBeforeLaterOnes_andTheLastFollowsTheAttemptsEnd() throws Exception {
        SimulatedHost host = new SimulatedHost(dir);
        RefusingOnce courier = new RefusingOnce();
        List<PowerSample> measured;
        try (DeliveryOutbox outbox = new DeliveryOutbox(courier, Duration.ofMillis(20));
                LiveAttempt.Watch ends = LiveAttempt.watchEnds(outbox::queueLast);
                EnergyMeter meter = host.openMeter()) {
            try (LiveAttempt live = LiveAttempt.start(RUN, 0, meter)) {
                for (int second = 0; second < 4; second++) {
                    host.busy(meter, 1);
                    int handed = courier.handed().size();
                    waitFor(() -> courier.handed().size() >= handed + 2, "two more deliveries of the attempt in flight");
                }
            }
            measured = meter.samples();
            waitFor(() -> courier.acknowledged().stream().anyMatch(LiveDelivery::last), "the last delivery");
            assertEquals(0, outbox.queuedCount());
        }
        List<LiveDelivery> handed = courier.handed();
        assertEquals(handed.get(0).key(), handed.get(1).key(), "the refused delivery is the next one sent");
        List<LiveDelivery> acknowledged = courier.acknowledged();
        for (int i = 0; i < acknowledged.size(); i++) {
            assertEquals(i + 1, acknowledged.get(i).sequence());
            assertEquals(i == acknowledged.size() - 1, acknowledged.get(i).last());
        }
        assertEquals(measured, acknowledged.stream().flatMap(d -> d.samples().stream()).toList(), "nothing measured is lost");
        NewDeliveries seen = new NewDeliveries();
        assertEquals(acknowledged, handed.stream().filter(seen::firstArrival).toList());
    }

    @Test
    void noAttemptInFlight_sendsNothing() throws Exception {
        RefusingOnce courier = new RefusingOnce();
        try (DeliveryOutbox outbox = new DeliveryOutbox(courier, Duration.ofMillis(5))) {
            // many intervals; absence cannot be waited for, only given the time to show
            TimeUnit.MILLISECONDS.sleep(200);
            assertEquals(0, outbox.queuedCount());
        }
        assertTrue(courier.handed().isEmpty());
    }

    static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}
