package ftenergy.stats;

import ftenergy.FtenergyException;

/** An analysis input is unusable; the message names the quantity, the group and the value. */
public final class AnalysisException extends FtenergyException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where (hardware, kind, task, run id) */
    public AnalysisException(String message) {
        super(message);
    }
}
