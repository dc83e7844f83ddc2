package ftenergy.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests as lower-case hex: of files (pinned downloads, tokenizers), of canonical text
 * (run ids, configuration hashes) and of streamed values ({@link #digest()}, for data versions).
 */
public final class Sha256 {

    /** Hex digits of the short form: 64 bits, enough to tell apart the runs, tokenizers and configs of a lakehouse. */
    public static final int SHORT_HEX_DIGITS = 16;

    private Sha256() {}

    /** A fresh SHA-256 digest. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The whole hex digest of {@code file}'s bytes, read in blocks. */
    public static String ofFile(Path file) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The short form ({@value #SHORT_HEX_DIGITS} hex digits) of {@code file}'s digest. */
    public static String shortOfFile(Path file) throws IOException {
        return ofFile(file).substring(0, SHORT_HEX_DIGITS);
    }

    /** The short form of the digest of {@code text}'s UTF-8 bytes. */
    public static String shortOf(String text) {
        return shortOf(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The short form of a finished digest. */
    public static String shortOf(byte[] digest) {
        return HexFormat.of().formatHex(digest, 0, SHORT_HEX_DIGITS / 2);
    }
}
