package ftenergy.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.lake.SampleResults;
import ftenergy.lake.TestSpark;
import ftenergy.run.RunSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real Spark jobs on local[2]: two runs hold both task slots while a third waits in Spark's queue.
 * Tasks run in this JVM, so the latches that hold them are shared through static fields.
 */
class SparkRunQueueTest {

    private static volatile CountDownLatch holding;
    private static volatile CountDownLatch release;

    private final JavaSparkContext spark = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
    private final ExecutorService threads = Executors.newFixedThreadPool(3);
    private SparkRunQueue queue;

    @BeforeEach
    void holdBothSlots() throws Exception {
        holding = new CountDownLatch(2);
        release = new CountDownLatch(1);
        queue = new SparkRunQueue(spark, new SparkRunLauncher(spark, ClusterCapacity.of(spark.sc()), (spec, attempt) -> held(spec.runId(), attempt)));
    }

    @AfterEach
    void releaseAll() {
        release.countDown();
        threads.shutdownNow();
        queue.close();
    }

    private static RunWork held(String runId, int attempt) {
        return gpus -> {
            holding.countDown();
            release.await(60, TimeUnit.SECONDS);
            return SampleResults.result(runId, attempt, 1);
        };
    }

    private Future<RunLauncher.Launched> launch(String runId) {
        RunSpec spec = SampleResults.result(runId, 1, 1).run().spec();
        return threads.submit(() -> queue.launch(spec, 1));
    }

    /** Launches a and b until both hold a slot and Spark has heard so, then c until its job waits in Spark's queue. */
    private Future<RunLauncher.Launched> twoRunningOneWaiting() throws Exception {
        launch("queue-test-a");
        launch("queue-test-b");
        assertTrue(holding.await(60, TimeUnit.SECONDS), "both runs started");
        awaitTrue(() -> queue.started("queue-test-a") && queue.started("queue-test-b"));
        Future<RunLauncher.Launched> waiting = launch("queue-test-c");
        awaitTrue(() -> spark.statusTracker().getJobIdsForGroup("queue-test-c").length > 0);
        assertTrue(!queue.started("queue-test-c"));
        return waiting;
    }

    @Test
    void cancelWaiting_cancelsOnlyTheRunWithoutASlot_whichThenNeverStarted() throws Exception {
        Future<RunLauncher.Launched> waiting = twoRunningOneWaiting();
        Set<String> cancelled = queue.cancelWaiting(Set.of("queue-test-a", "queue-test-b", "queue-test-c"));
        assertEquals(Set.of("queue-test-c"), cancelled);
        ExecutionException failure = assertThrows(ExecutionException.class, () -> waiting.get(60, TimeUnit.SECONDS));
        assertInstanceOf(RunNotStartedException.class, failure.getCause());
        release.countDown();
        // The running ones were not touched.
        for (String runId : new String[] {"queue-test-a", "queue-test-b"}) {
            assertTrue(queue.started(runId), runId);
        }
    }

    @Test
    void launchLatency_ofAQueuedRun_countsFromTheSlotFreeingNotFromItsSubmission() throws Exception {
        Instant launched = Instant.now();
        Future<RunLauncher.Launched> waiting = twoRunningOneWaiting();
        long heldMillis = 2000;
        Thread.sleep(heldMillis); // the queued run waits at least this long for a slot
        release.countDown();
        RunLauncher.Launched third = waiting.get(60, TimeUnit.SECONDS);
        Duration waitedForSlot = Duration.between(launched, third.taskStartedAt());
        assertTrue(waitedForSlot.toMillis() >= heldMillis, "the slots were held: " + waitedForSlot);
        List<Duration> latencies = queue.launchLatencies();
        assertEquals(3, latencies.size(), "one per run: " + latencies);
        for (Duration latency : latencies) {
            assertTrue(latency.toMillis() < heldMillis / 2,
                    "launch latency " + latency + " includes the " + waitedForSlot + " spent waiting for a slot");
        }
    }

    @Test
    void launchLatencies_doNotWaitForARunWhoseLaunchFailedBeforeSubmittingAJob() throws Exception {
        RunSpec spec = SampleResults.result("queue-test-unlaunchable", 1, 1).run().spec();
        try (SparkRunQueue failing = new SparkRunQueue(spark, (run, attempt) -> {
            throw new IllegalStateException("its examples could not be broadcast");
        })) {
            assertThrows(IllegalStateException.class, () -> failing.launch(spec, 1));
            // Before the fix it stayed awaited: every end of a sweep then waited out the events' full patience.
            assertEquals(Set.of(), failing.awaitedEvents());
            assertEquals(List.of(), failing.launchLatencies());
        }
    }

    @Test
    void aLaunchedRun_isAwaitedUntilItsJobsEndWasHeard() throws Exception {
        Future<RunLauncher.Launched> a = launch("queue-test-a");
        awaitTrue(() -> holding.getCount() == 1); // the run's task holds its slot
        assertEquals(Set.of("queue-test-a"), queue.awaitedEvents());
        release.countDown();
        a.get(60, TimeUnit.SECONDS);
        awaitTrue(() -> queue.awaitedEvents().isEmpty());
        assertEquals(1, queue.launchLatencies().size());
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertTrue(condition.getAsBoolean(), "condition not reached within 60 s");
    }
}
