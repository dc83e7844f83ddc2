package ftenergy.meter.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The only way the meter touches sysfs and procfs.
 *
 * <p>A seam, because tests run as root: there a file cannot be made unreadable by permissions, so a
 * test wraps this to throw {@link java.nio.file.AccessDeniedException} the way a real
 * {@code energy_uj} does for ordinary users.
 */
public interface TextFiles {

    /** The whole file as text. */
    String read(Path file) throws IOException;

    /** Entries of a directory, sorted by name. */
    List<Path> list(Path directory) throws IOException;

    /** Whether {@code path} is a directory (following links, as sysfs's class links need). */
    boolean isDirectory(Path path);

    /** The real file system. */
    static TextFiles local() {
        return LocalTextFiles.INSTANCE;
    }
}
