package ftenergy.sweep;

import ftenergy.run.RunResult;
import ftenergy.run.RunSpec;
import java.io.Serializable;
import java.time.Instant;

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
     * A result and when its task started and finished executing (to measure launch and commit
     * latency). Both instants are the executor's clock, so on a cluster they carry its skew.
     *
     * @param result the attempt's result
     * @param taskStartedAt when the executor began the task; null when the launch itself failed
     * @param taskFinishedAt when the executor had the result; null when the launch itself failed
     */
    record Launched(RunResult result, Instant taskStartedAt, Instant taskFinishedAt) implements Serializable {}
}
