package ftenergy.lake;

import ftenergy.FtenergyException;

/** A lakehouse operation failed; the message names the table and the operation attempted. */
public final class LakeException extends FtenergyException {
    private static final long serialVersionUID = 1L;

    public LakeException(String message) {
        super(message);
    }

    public LakeException(String message, Throwable cause) {
        super(message, cause);
    }
}
