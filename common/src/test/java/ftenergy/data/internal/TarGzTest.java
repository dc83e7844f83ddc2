package ftenergy.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives are built here with Commons Compress's writer, hostile ones included. */
class TarGzTest {

    @TempDir
    Path dir;

    private Path target() {
        return dir.resolve("out/package");
    }

    /** One entry of a tarball under construction. */
    private record Entry(String name, byte type, String linkName, String content) {
        static Entry file(String name, String content) {
            return new Entry(name, TarConstants.LF_NORMAL, null, content);
        }

        static Entry folder(String name) {
            return new Entry(name, TarConstants.LF_DIR, null, null);
        }

        static Entry link(String name, byte type, String linkName) {
            return new Entry(name, type, linkName, null);
        }
    }

    private Path tarball(int longFileMode, Entry... entries) throws IOException {
        Path archive = dir.resolve("archive.tgz");
        try (OutputStream file = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            tar.setLongFileMode(longFileMode);
            for (Entry e : entries) {
                // preserveAbsolutePath: the writer would otherwise drop a leading slash before the reader sees it.
                TarArchiveEntry entry = new TarArchiveEntry(e.name(), e.type(), true);
                if (e.linkName() != null) {
                    entry.setLinkName(e.linkName());
                }
                byte[] content = e.content() == null ? new byte[0] : e.content().getBytes(StandardCharsets.UTF_8);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return archive;
    }

    private Path tarball(Entry... entries) throws IOException {
        return tarball(TarArchiveOutputStream.LONGFILE_POSIX, entries);
    }

    private IOException refused(Path archive) {
        IOException e = assertThrows(IOException.class, () -> TarGz.extract(archive, target(), 1));
        assertTrue(e.getMessage().startsWith(archive + ": "), e.getMessage());
        return e;
    }

    private void assertNothingOutsideTarget() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(p -> !p.startsWith(target()) && !p.equals(dir.resolve("archive.tgz")) && !target().startsWith(p))
                    .forEach(p -> assertFalse(true, "written outside the target: " + p));
        }
    }

    @Test
    void npmTarball_dropsThePackageFolder_andKeepsLongNames() throws IOException {
        String deep = "package/" + "d".repeat(120) + "/data.json";
        Path archive = tarball(Entry.folder("package/"), Entry.file("package/hello.txt", "hello corpus\n"),
                Entry.folder("package/sub/"), Entry.file("package/sub/a.txt", "a"), Entry.file(deep, "{}"),
                Entry.file("README", "outside package/, nothing left after stripping"));

        int files = TarGz.extract(archive, target(), 1);

        assertEquals(3, files);
        assertEquals("hello corpus\n", Files.readString(target().resolve("hello.txt")));
        assertEquals("a", Files.readString(target().resolve("sub/a.txt")));
        assertEquals("{}", Files.readString(target().resolve("d".repeat(120) + "/data.json")));
        assertNothingOutsideTarget();
    }

    @Test
    void gnuLongNames_areReadToo() throws IOException {
        String deep = "package/" + "g".repeat(150) + ".txt";
        Path archive = tarball(TarArchiveOutputStream.LONGFILE_GNU, Entry.file(deep, "gnu"));

        assertEquals(1, TarGz.extract(archive, target(), 1));
        assertEquals("gnu", Files.readString(target().resolve("g".repeat(150) + ".txt")));
    }

    @Test
    void dotDotClimbingOut_isRefusedNamingTheEntry() throws IOException {
        Path archive = tarball(Entry.file("package/ok.txt", "ok"), Entry.file("package/../../escaped.txt", "evil"));

        IOException e = refused(archive);

        assertTrue(e.getMessage().contains("entry 'package/../../escaped.txt' would be written outside"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("escaped.txt")));
        assertNothingOutsideTarget();
    }

    @Test
    void absolutePath_isRefused() throws IOException {
        Path outside = dir.resolve("absolute.txt");
        Path archive = tarball(Entry.file(outside.toString(), "evil"));

        IOException e = refused(archive);

        assertTrue(e.getMessage().contains("entry '" + outside + "' has an absolute path"), e.getMessage());
        assertFalse(Files.exists(outside));
    }

    @Test
    void symbolicLinkPointingOutside_isRefused() throws IOException {
        Path archive = tarball(Entry.link("package/passwd", TarConstants.LF_SYMLINK, "/etc/passwd"),
                Entry.file("package/passwd", "written through the link"));

        IOException e = refused(archive);

        assertTrue(e.getMessage().contains("entry 'package/passwd' is a symbolic link to '/etc/passwd'"), e.getMessage());
        assertFalse(Files.exists(target().resolve("passwd"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void symbolicLinkPointingInside_isRefusedToo() throws IOException {
        Path archive = tarball(Entry.file("package/a.txt", "a"), Entry.link("package/b.txt", TarConstants.LF_SYMLINK, "a.txt"));

        IOException e = refused(archive);

        assertTrue(e.getMessage().contains("is a symbolic link to 'a.txt'"), e.getMessage());
    }

    @Test
    void hardLinkPointingOutside_isRefused() throws IOException {
        Path archive = tarball(Entry.link("package/hard", TarConstants.LF_LINK, "../../../etc/shadow"));

        IOException e = refused(archive);

        assertTrue(e.getMessage().contains("entry 'package/hard' is a hard link to '../../../etc/shadow'"), e.getMessage());
        assertNothingOutsideTarget();
    }

    @Test
    void deviceFilesAndFifos_areRefused() throws IOException {
        for (byte type : new byte[] {TarConstants.LF_CHR, TarConstants.LF_BLK}) {
            IOException e = refused(tarball(Entry.link("package/dev", type, null)));
            assertTrue(e.getMessage().contains("entry 'package/dev' is a device file"), e.getMessage());
        }
        IOException fifo = refused(tarball(Entry.link("package/pipe", TarConstants.LF_FIFO, null)));
        assertTrue(fifo.getMessage().contains("entry 'package/pipe' is a FIFO"), fifo.getMessage());
        assertFalse(Files.exists(target().resolve("dev")) || Files.exists(target().resolve("pipe")));
    }

    @Test
    void truncatedArchive_failsNamingIt() throws IOException {
        Path archive = tarball(Entry.file("package/big.txt", "x".repeat(100_000)));
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(archive, Arrays.copyOf(bytes, bytes.length / 2));

        IOException e = assertThrows(IOException.class, () -> TarGz.extract(archive, target(), 1));

        assertTrue(e.getMessage().startsWith(archive + ": cannot extract"), e.getMessage());
    }
}
