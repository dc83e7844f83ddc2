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

    /**
     * A result and when its task started executing (to measure launch latency).
     *
     * @param result the attempt's result
     * @param taskStartedAt when the executor began the task
     */
    record Launched(RunResult result, Instant taskStartedAt) implements Serializable {}
}
