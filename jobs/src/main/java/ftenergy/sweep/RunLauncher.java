package ftenergy.sweep;

import ftenergy.run.AttemptResult;
import ftenergy.run.RunSpec;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Executes one run attempt somewhere and returns its result; blocking, called from scheduler threads. */
public interface RunLauncher {

    /**
     * @param spec the run
     * @param attempt its 1-based attempt number
     * @return the result, whatever the run's status; a thrown exception means the launch itself
     *     failed (executor lost, task killed), which the scheduler records as a failed attempt
     */
    Launched launch(RunSpec spec, int attempt) throws Exception;

    /** Cancels every attempt still running; each of their {@link #launch} calls then ends, failed. */
    default void cancelAll() {}

    /**
     * Cancels those of {@code runIds} whose runs were launched but still wait for a task slot; each
     * of their {@link #launch} calls then throws {@link RunNotStartedException}. A launcher that
     * starts every run it is given at once has none waiting.
     *
     * @return the run ids cancelled
     */
    default Set<String> cancelWaiting(Set<String> runIds) {
        return Set.of();
    }

    /**
     * How long each attempt that started waited for its task once it could run (launch latency, on
     * the driver's clock). Called after every launch has returned; empty when the launcher cannot
     * tell.
     */
    default List<Duration> launchLatencies() {
        return List.of();
    }

    /**
     * A result and when its task started and finished executing (to measure commit latency). Both
     * instants are the executor's clock, so on a cluster they carry its skew.
     *
     * @param result the attempt's result
     * @param taskStartedAt when the executor began the task; null when the launch itself failed
     * @param taskFinishedAt when the executor had the result; null when the launch itself failed
     */
    record Launched(AttemptResult result, Instant taskStartedAt, Instant taskFinishedAt) implements Serializable {}
}
