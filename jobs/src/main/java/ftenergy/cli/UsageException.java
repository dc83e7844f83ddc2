package ftenergy.cli;

import ftenergy.FtenergyException;

/** The command line is wrong; the message says how, and the command's usage is printed after it. */
public final class UsageException extends FtenergyException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
