package ftenergy.analyze;

import ftenergy.FtenergyException;

/** An analysis job failed; the message names the job step and the group or table involved. */
public final class AnalysisJobException extends FtenergyException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, naming the group or table */
    public AnalysisJobException(String message) {
        super(message);
    }

    /** @param message what failed, naming the group or table; @param cause the underlying failure */
    public AnalysisJobException(String message, Throwable cause) {
        super(message, cause);
    }
}
