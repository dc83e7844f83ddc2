package ftenergy.meter;

import ftenergy.meter.internal.TextFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Real files, except that reads of matching paths fail as they do for a non-root user (tests run
 * as root, where permissions cannot make a file unreadable). The denial can start mid-run.
 */
public final class DenyingFiles implements TextFiles {
    private final Predicate<Path> denied;
    private volatile boolean denying;
    public int deniedReads;

    public DenyingFiles(Predicate<Path> denied, boolean denyingFromStart) {
        this.denied = denied;
        this.denying = denyingFromStart;
    }

    /** Starts denying from now on. */
    public void startDenying() {
        denying = true;
    }

    @Override
    public String read(Path file) throws IOException {
        if (denying && denied.test(file)) {
            deniedReads++;
            throw new AccessDeniedException(file.toString());
        }
        return TextFiles.local().read(file);
    }

    @Override
    public List<Path> list(Path directory) throws IOException {
        return TextFiles.local().list(directory);
    }

    @Override
    public boolean isDirectory(Path path) {
        return TextFiles.local().isDirectory(path);
    }
}
