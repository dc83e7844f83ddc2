package ftenergy.sweep;

/**
 * A launch cancelled while its run still waited for a task slot: the run never started, so there
 * is no attempt to record.
 */
public final class RunNotStartedException extends Exception {

    private static final long serialVersionUID = 1L;

    public RunNotStartedException(String runId, Throwable cancellation) {
        super("run " + runId + " was cancelled before its task started", cancellation);
    }
}
