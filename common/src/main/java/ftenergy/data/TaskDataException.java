package ftenergy.data;

import ftenergy.FtenergyException;

/** Task data could not be read: unreadable file, or more malformed records than allowed. */
public final class TaskDataException extends FtenergyException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;

    /**
     * @param file the data file or folder
     * @param line 1-based line, 0 when the problem is not about one line
     * @param problem what is wrong
     */
    public TaskDataException(String file, long line, String problem) {
        super((line > 0 ? file + ":" + line : file) + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public TaskDataException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.line = 0;
    }

    /** The data file or folder. */
    public String file() {
        return file;
    }

    /** 1-based line, 0 when not about one line. */
    public long line() {
        return line;
    }
}
