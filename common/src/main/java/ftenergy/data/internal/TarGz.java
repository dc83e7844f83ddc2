package ftenergy.data.internal;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Extracts a gzip-compressed tar archive (ustar, with pax and GNU long names), as npm writes them.
 *
 * <p>Only regular files and directories are written; links and devices are refused so an archive
 * can never point outside the target directory.
 */
public final class TarGz {

    private static final int BLOCK = 512;

    private TarGz() {}

    /**
     * Extracts {@code archive} into {@code target}, dropping the first {@code stripComponents}
     * path components of every entry (npm tarballs put everything under {@code package/}).
     *
     * @return the number of regular files written
     * @throws IOException on a corrupt archive or an entry that escapes {@code target}
     */
    public static int extract(Path archive, Path target, int stripComponents) throws IOException {
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        int files = 0;
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(archive), 1 << 16))) {
            byte[] header = new byte[BLOCK];
            String longName = null;
            while (true) {
                if (!readFully(in, header)) {
                    break;
                }
                if (isZero(header)) {
                    break;
                }
                String name = longName != null ? longName : headerName(header);
                longName = null;
                long size = parseOctal(header, 124, 12, archive);
                char type = (char) header[156];
                if (type == 'x' || type == 'L') {
                    byte[] body = readBody(in, size, archive);
                    longName = type == 'L' ? cString(body, 0, body.length) : paxPath(body);
                    continue;
                }
                if (type == 'g') {
                    skipBody(in, size);
                    continue;
                }
                Path relative = strip(name, stripComponents);
                if (type == '5') {
                    if (relative != null) {
                        Files.createDirectories(resolveInside(root, relative, archive));
                    }
                    continue;
                }
                if (type != '0' && type != '\0' && type != '7') {
                    throw new IOException(archive + ": entry " + name + " has unsupported type '" + type + "'");
                }
                if (relative == null) {
                    skipBody(in, size);
                    continue;
                }
                Path out = resolveInside(root, relative, archive);
                Files.createDirectories(out.getParent());
                try (OutputStream os = Files.newOutputStream(out)) {
                    copy(in, os, size, archive);
                }
                skipPadding(in, size);
                files++;
            }
        }
        return files;
    }

    private static Path strip(String name, int components) {
        String[] parts = name.split("/+");
        StringBuilder kept = new StringBuilder();
        for (int i = components; i < parts.length; i++) {
            if (!parts[i].isEmpty() && !parts[i].equals(".")) {
                kept.append(kept.length() == 0 ? "" : "/").append(parts[i]);
            }
        }
        return kept.length() == 0 ? null : Path.of(kept.toString());
    }

    private static Path resolveInside(Path root, Path relative, Path archive) throws IOException {
        Path out = root.resolve(relative).normalize();
        if (!out.startsWith(root) || relative.isAbsolute()) {
            throw new IOException(archive + ": entry " + relative + " would be written outside " + root);
        }
        return out;
    }

    private static String headerName(byte[] header) {
        String name = cString(header, 0, 100);
        String prefix = cString(header, 345, 155);
        boolean ustar = cString(header, 257, 6).startsWith("ustar");
        return ustar && !prefix.isEmpty() ? prefix + "/" + name : name;
    }

    private static String paxPath(byte[] body) {
        // Records are "LEN key=value\n"; only the path matters for extraction.
        String text = new String(body, StandardCharsets.UTF_8);
        int pos = 0;
        while (pos < text.length()) {
            int space = text.indexOf(' ', pos);
            if (space < 0) {
                break;
            }
            int length = Integer.parseInt(text.substring(pos, space));
            String record = text.substring(space + 1, Math.min(text.length(), pos + length - 1));
            if (record.startsWith("path=")) {
                return record.substring(5);
            }
            pos += length;
        }
        return null;
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long parseOctal(byte[] header, int offset, int length, Path archive) throws IOException {
        String text = cString(header, offset, length).trim();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new IOException(archive + ": corrupt tar header (size field '" + text + "')", e);
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean readFully(InputStream in, byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, block.length);
        if (read == 0) {
            return false;
        }
        if (read < block.length) {
            throw new EOFException("truncated tar header");
        }
        return true;
    }

    private static byte[] readBody(InputStream in, long size, Path archive) throws IOException {
        if (size > Integer.MAX_VALUE) {
            throw new IOException(archive + ": extended header of " + size + " bytes");
        }
        byte[] body = in.readNBytes((int) size);
        if (body.length < size) {
            throw new EOFException(archive + ": truncated extended header");
        }
        skipPadding(in, size);
        return body;
    }

    private static void copy(InputStream in, OutputStream out, long size, Path archive) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException(archive + ": truncated entry");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void skipBody(InputStream in, long size) throws IOException {
        in.skipNBytes(size);
        skipPadding(in, size);
    }

    private static void skipPadding(InputStream in, long size) throws IOException {
        long rest = size % BLOCK;
        if (rest != 0) {
            in.skipNBytes(BLOCK - rest);
        }
    }
}
