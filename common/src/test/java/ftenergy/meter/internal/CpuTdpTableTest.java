package ftenergy.meter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuTdpTableTest {
    private final CpuTdpTable table = CpuTdpTable.shipped();

    @Test
    void procCpuinfoNames_matchTheirRows() {
        assertEquals(150, table.lookup("Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz").orElseThrow().tdpWatts());
        assertEquals(225, table.lookup("AMD EPYC 7742 64-Core Processor").orElseThrow().tdpWatts());
        assertEquals(120, table.lookup("Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz").orElseThrow().tdpWatts());
        assertEquals(95, table.lookup("Intel(R) Core(TM) i9-9900K CPU @ 3.60GHz").orElseThrow().tdpWatts());
        assertEquals(350, table.lookup("Intel(R) Xeon(R) Platinum 8480+").orElseThrow().tdpWatts());
    }

    @Test
    void suffixedModel_doesNotMatchItsShorterSibling() {
        assertEquals("Xeon Gold 6248R", table.lookup("Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz").orElseThrow().model());
        assertTrue(table.lookup("Intel(R) Xeon(R) Gold 62480").isEmpty());
    }

    @Test
    void genericVirtualCpu_isUnknown() {
        assertTrue(table.lookup("Intel(R) Xeon(R) Processor").isEmpty());
    }

    @Test
    void everyRow_citesASource() {
        assertTrue(table.entries().size() > 50);
        table.entries().forEach(e -> assertTrue(!e.source().isBlank() && e.tdpWatts() > 0, e.toString()));
    }
}
