package ftenergy.data.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Extracts a gzip-compressed tar archive, as npm writes them, read by Apache Commons Compress
 * (ustar, pax and GNU long names).
 *
 * <p>Only regular files and directories are written. Links, devices and FIFOs are refused, as are
 * absolute names and names that climb out of the target with {@code ..}, so no entry can write or
 * point outside the target directory.
 */
public final class TarGz {

    private TarGz() {}

    /**
     * Extracts {@code archive} into {@code target}, dropping the first {@code stripComponents}
     * path components of every entry (npm tarballs put everything under {@code package/}); entries
     * with no component left are skipped, and a later entry of the same name replaces an earlier one.
     *
     * @return the number of regular files written
     * @throws IOException naming the archive (and the entry, when one is refused) on a corrupt
     *     archive, a refused entry or a failed write
     */
    public static int extract(Path archive, Path target, int stripComponents) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        int files = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new BufferedInputStream(new GZIPInputStream(Files.newInputStream(archive), 1 << 16)))) {
            Files.createDirectories(root);
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Path out = destination(entry, root, stripComponents);
                if (out == null) {
                    continue;
                }
                if (entry.getLinkFlag() == TarConstants.LF_DIR) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    files++;
                }
            }
        } catch (RefusedEntry e) {
            throw new IOException(archive + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException(archive + ": cannot extract into " + root + ": " + e, e);
        }
        return files;
    }

    /** Where the entry goes, or {@code null} when stripping leaves nothing of its name. */
    private static Path destination(TarArchiveEntry entry, Path root, int stripComponents) throws RefusedEntry {
        String name = entry.getName();
        String refusal = refusal(entry);
        if (refusal != null) {
            throw new RefusedEntry("entry '" + name + "' " + refusal + "; only regular files and directories are extracted");
        }
        if (name.startsWith("/")) {
            throw new RefusedEntry("entry '" + name + "' has an absolute path");
        }
        String relative = strip(name, stripComponents);
        if (relative.isEmpty()) {
            return null;
        }
        Path out = root.resolve(relative).normalize();
        if (!out.startsWith(root)) {
            throw new RefusedEntry("entry '" + name + "' would be written outside " + root);
        }
        return out;
    }

    /** Why the entry is not extracted, or {@code null} for a regular file or a directory. */
    private static String refusal(TarArchiveEntry entry) {
        // The type flag decides: TarArchiveEntry.isFile() is true for links and devices as well.
        byte type = entry.getLinkFlag();
        if (type == TarConstants.LF_DIR || type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM
                || type == TarConstants.LF_CONTIG) {
            return null;
        }
        if (entry.isSymbolicLink()) {
            return "is a symbolic link to '" + entry.getLinkName() + "'";
        }
        if (entry.isLink()) {
            return "is a hard link to '" + entry.getLinkName() + "'";
        }
        if (entry.isCharacterDevice() || entry.isBlockDevice()) {
            return "is a device file";
        }
        if (entry.isFIFO()) {
            return "is a FIFO";
        }
        return "has unsupported type '" + (char) type + "'";
    }

    private static String strip(String name, int components) {
        String[] parts = name.split("/+");
        StringBuilder kept = new StringBuilder();
        for (int i = components; i < parts.length; i++) {
            if (!parts[i].isEmpty() && !parts[i].equals(".")) {
                kept.append(kept.length() == 0 ? "" : "/").append(parts[i]);
            }
        }
        return kept.toString();
    }

    /** An entry this class will not extract; the message names it and says why. */
    private static final class RefusedEntry extends IOException {
        private static final long serialVersionUID = 1L;

        RefusedEntry(String message) {
            super(message);
        }
    }
}
