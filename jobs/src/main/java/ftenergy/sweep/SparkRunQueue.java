package ftenergy.sweep;

import ftenergy.run.RunSpec;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Hands runs to Spark through another launcher and watches them on Spark's listener bus, so that
 * the scheduler may hand over more runs than there are free task slots: a queued run's job waits
 * in Spark's own queue and starts the moment a slot frees, without a round trip to the driver.
 * Knows which runs have started, how long each waited for Spark once it could run (its launch
 * latency), and cancels the runs still waiting for a slot when asked.
 */
public final class SparkRunQueue implements RunLauncher, AutoCloseable {

    /** How long to wait for a finished run's events to arrive on the listener bus. */
    private static final Duration EVENT_PATIENCE = Duration.ofSeconds(5);

    private final JavaSparkContext spark;
    private final RunLauncher launcher;
    private final RunTaskEvents events = new RunTaskEvents();
    private final Set<String> cancelledWaiting = new HashSet<>();

    /**
     * @param spark the driver's context, whose listener bus is watched until {@link #close()}
     * @param launcher launches each run as Spark jobs in job group = run id
     */
    public SparkRunQueue(JavaSparkContext spark, RunLauncher launcher) {
        this.spark = spark;
        this.launcher = launcher;
        spark.sc().addSparkListener(events);
    }

    @Override
    public Launched launch(RunSpec spec, int attempt) throws Exception {
        String runId = spec.runId();
        synchronized (this) {
            cancelledWaiting.remove(runId);
        }
        events.expect(runId);
        try {
            return launcher.launch(spec, attempt);
        } catch (Exception e) {
            events.launchFailed(runId);
            if (wasCancelledWaiting(runId) && events.awaitSettled(runId, EVENT_PATIENCE) && !events.started(runId)) {
                throw new RunNotStartedException(runId, e);
            }
            throw e;
        }
    }

    @Override
    public List<Duration> launchLatencies() {
        try {
            return events.startDelays(EVENT_PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    @Override
    public void cancelAll() {
        spark.cancelAllJobs();
    }

    @Override
    public synchronized Set<String> cancelWaiting(Set<String> runIds) {
        Set<String> cancelled = new HashSet<>();
        for (String runId : runIds) {
            if (!events.started(runId)) {
                cancelledWaiting.add(runId);
                spark.cancelJobGroup(runId);
                cancelled.add(runId);
            }
        }
        return cancelled;
    }

    /** Whether the current attempt of {@code runId} has started, as far as Spark's events have arrived. */
    boolean started(String runId) {
        return events.started(runId);
    }

    /** The runs whose Spark events {@link #launchLatencies} would still wait for. */
    Set<String> awaitedEvents() {
        return events.awaited();
    }

    private synchronized boolean wasCancelledWaiting(String runId) {
        return cancelledWaiting.contains(runId);
    }

    @Override
    public void close() {
        spark.sc().removeSparkListener(events);
    }
}
