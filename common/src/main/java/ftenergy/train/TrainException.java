package ftenergy.train;

import ftenergy.FtenergyException;

/** A run that cannot proceed: bad inputs, an unusable checkpoint or device. Names the run. */
public class TrainException extends FtenergyException {
    private static final long serialVersionUID = 1L;

    private final String runId;

    /** A problem of run {@code runId}. */
    public TrainException(String runId, String message) {
        super("run " + runId + ": " + message);
        this.runId = runId;
    }

    /** A problem of run {@code runId} caused by {@code cause}. */
    public TrainException(String runId, String message, Throwable cause) {
        super("run " + runId + ": " + message, cause);
        this.runId = runId;
    }

    /** The run that failed. */
    public String runId() {
        return runId;
    }
}
