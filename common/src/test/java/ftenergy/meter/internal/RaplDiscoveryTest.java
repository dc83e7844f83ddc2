package ftenergy.meter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.meter.DenyingFiles;
import ftenergy.meter.FakeSysfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaplDiscoveryTest {
    private static final long MAX = 262_143_328_850L;

    @TempDir
    Path dir;

    @Test
    void packagesAndDram_keptAndSubzonesThatOverlapSkipped() {
        FakeSysfs sys = new FakeSysfs(dir)
                .zone("intel-rapl:0", "package-0", 1, MAX)
                .zone("intel-rapl:0:0", "core", 1, MAX)
                .zone("intel-rapl:0:1", "uncore", 1, MAX)
                .zone("intel-rapl:0:2", "dram", 1, MAX)
                .zone("intel-rapl:1", "package-1", 1, MAX)
                .zone("intel-rapl:1:0", "dram", 1, MAX)
                .zone("intel-rapl:2", "psys", 1, MAX)
                .zone("intel-rapl-mmio:0", "package-0", 1, MAX);
        RaplZones zones = new RaplDiscovery(TextFiles.local()).find(sys.root());
        assertEquals(List.of("package-0", "package-1"), zones.packages().stream().map(RaplZone::device).toList());
        assertEquals(List.of("dram-0", "dram-1"), zones.drams().stream().map(RaplZone::device).toList());
        assertEquals(MAX, zones.packages().get(0).maxEnergyRangeMicroJoules());
        assertTrue(zones.packageProblem().isEmpty() && zones.dramProblem().isEmpty());
    }

    @Test
    void amdRaplControlType_isFound() {
        FakeSysfs sys = new FakeSysfs(dir).zone("amd-rapl:0", "package-0", 5, MAX);
        RaplZones zones = new RaplDiscovery(TextFiles.local()).find(sys.root());
        assertEquals(1, zones.packages().size());
        assertTrue(zones.dramProblem().orElseThrow().contains("no RAPL dram zone"));
    }

    @Test
    void permissionDenied_reportedWithReasonAndNoZoneKept() {
        FakeSysfs sys = new FakeSysfs(dir)
                .zone("intel-rapl:0", "package-0", 1, MAX)
                .zone("intel-rapl:1", "package-1", 1, MAX);
        DenyingFiles files = new DenyingFiles(p -> p.toString().endsWith("intel-rapl:1/energy_uj"), true);
        RaplZones zones = new RaplDiscovery(files).find(sys.root());
        // one unreadable socket makes the group unusable: half a host would undercount silently
        assertTrue(zones.packages().isEmpty());
        String why = zones.packageProblem().orElseThrow();
        assertTrue(why.contains("permission denied") && why.contains("intel-rapl:1/energy_uj") && why.contains("root"), why);
    }

    @Test
    void directoryInPlaceOfCounter_reportedAsUnreadable() throws Exception {
        FakeSysfs sys = new FakeSysfs(dir).zone("intel-rapl:0", "package-0", 1, MAX);
        Path counter = sys.powercap().resolve("intel-rapl:0/energy_uj");
        Files.delete(counter);
        Files.createDirectory(counter);
        RaplZones zones = new RaplDiscovery(TextFiles.local()).find(sys.root());
        assertTrue(zones.packages().isEmpty());
        assertTrue(zones.packageProblem().orElseThrow().contains("RAPL unreadable"), zones.packageProblem().get());
    }

    @Test
    void noPowercap_saysSo() {
        RaplZones zones = new RaplDiscovery(TextFiles.local()).find(dir.resolve("nowhere"));
        assertTrue(zones.packageProblem().orElseThrow().contains("does not exist"));
    }
}
