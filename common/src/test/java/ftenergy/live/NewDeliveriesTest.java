package ftenergy.live;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.meter.MeterReading;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewDeliveriesTest {

    private static LiveDelivery delivery(String run, int attempt, int taskAttempt, long sequence) {
        return new LiveDelivery(new AttemptIdentity(run, "s", attempt), taskAttempt, sequence, false, "h", Instant.EPOCH, Instant.EPOCH,
                new MeterReading(Instant.EPOCH, 0, 0, 0, 0, 0, 0), Map.of(), List.of(), LiveProgress.NONE);
    }

    @Test
    void repeatOfASequence_isRecognised() {
        NewDeliveries seen = new NewDeliveries();
        assertTrue(seen.firstArrival(delivery("r", 1, 0, 1)));
        assertFalse(seen.firstArrival(delivery("r", 1, 0, 1)));
        assertTrue(seen.firstArrival(delivery("r", 1, 0, 2)));
        assertFalse(seen.firstArrival(delivery("r", 1, 0, 1)), "an older one arriving after a newer one was sent before it");
    }

    @Test
    void taskAttemptsAttemptsAndRuns_areCountedApart() {
        NewDeliveries seen = new NewDeliveries();
        assertTrue(seen.firstArrival(delivery("r", 1, 0, 3)));
        assertTrue(seen.firstArrival(delivery("r", 1, 1, 1)));
        assertTrue(seen.firstArrival(delivery("r", 2, 0, 1)));
        assertTrue(seen.firstArrival(delivery("q", 1, 0, 1)));
    }
}
