package ftenergy.data;

/**
 * One malformed record a reader skipped.
 *
 * @param file the source file
 * @param line 1-based line where the record starts; 0 when the problem concerns the whole file
 * @param problem what is wrong
 */
public record ReadIssue(String file, long line, String problem) implements java.io.Serializable {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem;
    }
}
