package ftenergy.report;

import ftenergy.FtenergyException;

/** The report could not be built; the message names the missing table or the file that failed. */
public final class ReportException extends FtenergyException {
    private static final long serialVersionUID = 1L;

    /** @param message what is missing or failed, and what to run first */
    public ReportException(String message) {
        super(message);
    }

    /** @param message what failed, naming the file; @param cause the underlying failure */
    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
