package ftenergy.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.meter.EnergyMeter;
import ftenergy.meter.PowerSample;
import ftenergy.meter.SimulatedHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveAttemptTest {

    private static final AttemptIdentity RUN = new AttemptIdentity("0123456789abcdef", "sweep-a", 2);

    @TempDir
    Path dir;

    @Test
    void start_makesTheAttemptThisJvmsInFlightUntilItEnds() {
        SimulatedHost host = new SimulatedHost(dir);
        try (EnergyMeter meter = host.openMeter()) {
            assertTrue(LiveAttempt.inFlight().isEmpty());
            try (LiveAttempt live = LiveAttempt.start(RUN, 1, meter)) {
                assertSame(live, LiveAttempt.inFlight().orElseThrow());
                assertEquals(RUN, live.identity());
                assertEquals(1, live.taskAttempt());
            }
            assertTrue(LiveAttempt.inFlight().isEmpty());
        }
    }

    @Test
    void secondAttemptInOneJvm_isRefusedNamingBoth() {
        SimulatedHost host = new SimulatedHost(dir);
        try (EnergyMeter meter = host.openMeter(); LiveAttempt first = LiveAttempt.start(RUN, 0, meter)) {
            AttemptIdentity other = new AttemptIdentity("fedcba9876543210", "sweep-a", 1);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> LiveAttempt.start(other, 0, meter));
            assertTrue(e.getMessage().contains("0123456789abcdef") && e.getMessage().contains("fedcba9876543210"), e.getMessage());
            assertSame(first, LiveAttempt.inFlight().orElseThrow());
        }
    }

    @Test
    void deliveries_numberedInOrder_theirSamplesFollowOnWithoutGapOrOverlap_theLastMarked() {
        SimulatedHost host = new SimulatedHost(dir);
        List<LiveDelivery> ends = new ArrayList<>();
        try (LiveAttempt.Watch watch = LiveAttempt.watchEnds(ends::add); EnergyMeter meter = host.openMeter()) {
            List<LiveDelivery> deliveries = new ArrayList<>();
            try (LiveAttempt live = LiveAttempt.start(RUN, 1, meter)) {
                host.busy(meter, 2);
                deliveries.add(live.nextDelivery().orElseThrow());
                deliveries.add(live.nextDelivery().orElseThrow());
                host.busy(meter, 3);
                live.stepEnded(100, 128, 0.5);
                deliveries.add(live.nextDelivery().orElseThrow());
                host.busy(meter, 1);
            }
            assertEquals(1, ends.size());
            deliveries.add(ends.get(0));
            assertEquals(List.of(1L, 2L, 3L, 4L), deliveries.stream().map(LiveDelivery::sequence).toList());
            assertEquals(List.of(false, false, false, true), deliveries.stream().map(LiveDelivery::last).toList());
            assertEquals(List.of(4, 0, 6, 2), deliveries.stream().map(d -> d.samples().size()).toList(), "cpu and ram each second");
            List<PowerSample> delivered = deliveries.stream().flatMap(d -> d.samples().stream()).toList();
            assertEquals(meter.samples(), delivered);
            LiveDelivery last = deliveries.get(3);
            assertEquals(meter.latest(), last.energy());
            PowerSample lastCpu = delivered.get(delivered.size() - 2);
            assertEquals(lastCpu.joulesTotal(), last.energy().cpuJoules(), 1e-9);
            assertEquals(new LiveDelivery.Key("0123456789abcdef", 2, 1, 4), last.key());
            assertEquals("node-7", last.host());
            assertFalse(last.at().isBefore(last.startedAt()));
            assertEquals("estimated-tdp", last.provenance().get("cpu"));
            assertEquals(1, last.progress().steps());
            assertEquals(128, last.progress().tokensPadded());
        }
    }

    @Test
    void endedAttempt_deliversNothingMore() {
        SimulatedHost host = new SimulatedHost(dir);
        try (EnergyMeter meter = host.openMeter()) {
            LiveAttempt live = LiveAttempt.start(RUN, 0, meter);
            live.close();
            live.close();
            assertTrue(live.nextDelivery().isEmpty());
        }
    }

    @Test
    void throwingWatcher_isLoggedAndTheAttemptStillEndsForTheOthers() {
        SimulatedHost host = new SimulatedHost(dir);
        List<LiveDelivery> seen = new ArrayList<>();
        try (LiveAttempt.Watch failing = LiveAttempt.watchEnds(d -> {
                    throw new IllegalStateException("watcher broken on purpose");
                });
                LiveAttempt.Watch watching = LiveAttempt.watchEnds(seen::add);
                EnergyMeter meter = host.openMeter()) {
            LiveAttempt.start(RUN, 0, meter).close();
            assertTrue(LiveAttempt.inFlight().isEmpty());
            assertEquals(1, seen.size());
            assertTrue(seen.get(0).last());
        }
        try (EnergyMeter meter = host.openMeter()) {
            LiveAttempt.start(RUN, 0, meter).close();
        }
        assertEquals(1, seen.size(), "a closed watch hears no more ends");
    }

    @Test
    void energy_isTheMetersLastReadingAndProgressCountsSteps() {
        SimulatedHost host = new SimulatedHost(dir);
        try (EnergyMeter meter = host.openMeter(); LiveAttempt live = LiveAttempt.start(RUN, 0, meter)) {
            assertEquals(LiveProgress.NONE, live.progress());
            host.busy(meter, 2);
            assertEquals(meter.latest(), live.energy());
            assertTrue(live.energy().cpuWatts() > 0);
            live.stepEnded(90, 128, 0.25);
            live.stepEnded(100, 128, 0.25);
            LiveProgress progress = live.progress();
            assertEquals(2, progress.steps());
            assertEquals(190, progress.tokensReal());
            assertEquals(256, progress.tokensPadded());
        }
    }

    @Test
    void identity_needsARunIdAndAPositiveAttempt() {
        assertThrows(IllegalArgumentException.class, () -> new AttemptIdentity(" ", "s", 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AttemptIdentity("r1", "s", 0));
        assertTrue(e.getMessage().contains("r1"), e.getMessage());
        assertFalse(RUN.toString().isEmpty());
    }
}
