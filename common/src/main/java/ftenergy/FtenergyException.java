package ftenergy;

/**
 * Root of every exception ftenergy throws on purpose.
 *
 * <p>Unchecked, like Delta Kernel's exceptions: callers rarely recover, and a message that names the
 * thing that went wrong (config key and file, data file and line, run id, device) is what a user
 * needs. Subclasses in each package carry that context as typed fields.
 */
public class FtenergyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FtenergyException(String message) {
        super(message);
    }

    public FtenergyException(String message, Throwable cause) {
        super(message, cause);
    }
}
