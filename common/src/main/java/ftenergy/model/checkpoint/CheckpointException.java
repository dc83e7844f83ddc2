package ftenergy.model.checkpoint;

import ftenergy.FtenergyException;
import java.nio.file.Path;

/**
 * A checkpoint that cannot be read or does not fit the model: names the file and, where one is
 * at fault, the tensor.
 */
public class CheckpointException extends FtenergyException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String tensor;

    /** A problem with a whole file (format, footer, header). */
    public CheckpointException(Path file, String problem) {
        this(file, null, problem, null);
    }

    /** A problem with one tensor of a file, {@code tensor} may be {@code null}. */
    public CheckpointException(Path file, String tensor, String problem) {
        this(file, tensor, problem, null);
    }

    /** A problem with a cause (an IO failure while reading {@code file}). */
    public CheckpointException(Path file, String tensor, String problem, Throwable cause) {
        super(message(file, tensor, problem), cause);
        this.file = file;
        this.tensor = tensor;
    }

    /** The checkpoint file at fault. */
    public Path file() {
        return file;
    }

    /** The tensor at fault, or {@code null} when the whole file is. */
    public String tensor() {
        return tensor;
    }

    private static String message(Path file, String tensor, String problem) {
        return (tensor == null ? "" : "tensor '" + tensor + "' in ") + "checkpoint " + file + ": " + problem;
    }
}
