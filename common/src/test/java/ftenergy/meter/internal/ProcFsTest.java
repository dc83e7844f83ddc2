package ftenergy.meter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.meter.FakeProcfs;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFsTest {
    @TempDir
    Path dir;

    @Test
    void snapshot_readsProcessAndHostTimesAndMemory() throws IOException {
        FakeProcfs fake = new FakeProcfs(dir, "AMD EPYC 7742 64-Core Processor", 2, 8);
        fake.process(1234, 2048);
        fake.host(5000, 20000, 1_000_000, 250_000);
        ProcSnapshot s = new ProcFs(dir, TextFiles.local()).snapshot();
        assertEquals(1234, s.processTicks());
        assertEquals(5000, s.hostActiveTicks());
        assertEquals(20000, s.hostTotalTicks());
        assertEquals(2048L * 1024, s.processRssBytes());
        assertEquals(250_000L * 1024, s.hostUsedBytes());
    }

    @Test
    void cpuInfo_countsSocketsAndLogicalCpus() throws IOException {
        new FakeProcfs(dir, "Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz", 2, 8);
        CpuInfo info = new ProcFs(dir, TextFiles.local()).cpuInfo();
        assertEquals("Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz", info.model());
        assertEquals(2, info.sockets());
        assertEquals(8, info.logicalCpus());
    }

    @Test
    void truncatedStatLine_failsNamingTheFile() {
        FakeProcfs fake = new FakeProcfs(dir, "x", 1, 1);
        fake.write("self/stat", "42 (java) S 1 2 3\n");
        IOException e = assertThrows(IOException.class, () -> new ProcFs(dir, TextFiles.local()).processCpuTicks());
        assertTrue(e.getMessage().contains("self/stat"), e.getMessage());
    }

    @Test
    void thisHostsProcfs_parses() throws IOException {
        // the real kernel's formats, wherever the tests run (Linux only)
        Path proc = Path.of("/proc");
        if (proc.resolve("self/stat").toFile().canRead()) {
            ProcSnapshot s = new ProcFs(proc, TextFiles.local()).snapshot();
            assertTrue(s.hostTotalTicks() >= s.hostActiveTicks() && s.hostActiveTicks() > 0);
            assertTrue(s.processRssBytes() > 0 && s.hostUsedBytes() > 0);
        }
    }
}
