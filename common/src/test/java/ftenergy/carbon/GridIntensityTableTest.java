package ftenergy.carbon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GridIntensityTableTest {
    private final GridIntensityTable table = GridIntensityTable.shipped();

    @Test
    void egridSubregion_isEpaRateInGramsPerKwh() {
        GridIntensity camx = table.lookup("CAMX");
        // eGRID2022 CAMX: 499.3 lb CO2e/MWh × 0.45359237
        assertEquals(499.3 * 0.45359237, camx.gramsPerKwh(), 0.1);
        assertEquals(2022, camx.year());
        assertTrue(camx.source().contains("eGRID2022"));
    }

    @Test
    void lookup_ignoresCase() {
        assertEquals(table.lookup("FRA"), table.lookup("fra"));
        assertEquals(27 + 1, table.regions().stream().filter(r -> r.length() == 4 || r.equals("USA")).count());
    }

    @Test
    void unknownRegion_failsListingKnownOnes() {
        CarbonException e = assertThrows(CarbonException.class, () -> table.lookup("Atlantis"));
        assertEquals("Atlantis", e.region());
        assertTrue(e.getMessage().contains("'Atlantis'") && e.getMessage().contains("CAMX") && e.getMessage().contains("FRA"), e.getMessage());
    }

    @Test
    void malformedRow_failsNamingFileAndLine() {
        String csv = "# c\nregion,name,g_co2e_per_kwh,year,source\nXX,Nowhere,lots,2022,me\n";
        CarbonException e = assertThrows(CarbonException.class,
                () -> GridIntensityTable.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "mine.csv"));
        assertTrue(e.getMessage().startsWith("mine.csv:3:"), e.getMessage());
    }

    @Test
    void everyRow_isPlausibleAndSourced() {
        for (String region : table.regions()) {
            GridIntensity row = table.lookup(region);
            assertTrue(row.gramsPerKwh() > 0 && row.gramsPerKwh() < 1200 && !row.source().isBlank(), row.toString());
        }
    }
}
