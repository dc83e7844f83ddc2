package ftenergy.model;

import ftenergy.FtenergyException;
import java.nio.file.Path;

/** A model or checkpoint that cannot be built, read or written; names the file involved. */
public class ModelException extends FtenergyException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    /** A problem with {@code path}, described by {@code message}. */
    public ModelException(Path path, String message) {
        super(path + ": " + message);
        this.path = path;
    }

    /** A problem with {@code path} caused by {@code cause}. */
    public ModelException(Path path, String message, Throwable cause) {
        super(path + ": " + message, cause);
        this.path = path;
    }

    /** The checkpoint directory or file the problem is in. */
    public Path path() {
        return path;
    }
}
