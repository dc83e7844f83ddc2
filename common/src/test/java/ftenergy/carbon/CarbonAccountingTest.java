package ftenergy.carbon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ftenergy.meter.Measurement;
import ftenergy.meter.Provenance;
import ftenergy.run.EnergyAccount;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CarbonAccountingTest {
    private static final Measurement RUN = new Measurement("run", Instant.parse("2024-05-01T00:00:00Z"),
            Instant.parse("2024-05-01T01:00:00Z"), 3600, 360_000, Map.of("gpu-0", 3_600_000.0, "gpu-1", 1_800_000.0), 36_000,
            Provenance.ESTIMATED_TDP, Provenance.MEASURED_NVML, Provenance.ESTIMATED_RAM);

    @Test
    void account_convertsJoulesToKwhAndKeepsProvenance() {
        EnergyAccount a = CarbonAccounting.withShippedTable().account(RUN, CarbonSettings.of("CAMX"));
        assertEquals(0.1, a.cpuKwh(), 1e-12);
        assertEquals(1.5, a.gpuKwh(), 1e-12);
        assertEquals(0.01, a.ramKwh(), 1e-12);
        assertEquals("estimated-tdp", a.cpuSource());
        assertEquals("measured-nvml", a.gpuSource());
        assertEquals("estimated-ram", a.ramSource());
        assertEquals("CAMX", a.gridRegion());
        assertEquals(GridIntensityTable.shipped().lookup("CAMX").gramsPerKwh(), a.gridGramsPerKwh());
    }

    @Test
    void wallCoefficientPueAndIntensity_multiplyIntoEmissions() {
        CarbonSettings s = CarbonSettings.of("custom").withWallCoefficient(CarbonSettings.PAPER_A100_WALL_COEFFICIENT)
                .withPue(1.5).withIntensityOverride(400);
        EnergyAccount a = CarbonAccounting.withShippedTable().account(RUN, s);
        assertEquals(1.61 * 1.09, a.wallKwh(), 1e-12);
        assertEquals(1.61 * 1.09 * 1.5 * 0.4, a.co2Kg(), 1e-12);
        assertEquals(a.co2Kg() * 1000 / 393, CarMiles.fromCo2Kg(a.co2Kg()), 1e-12, "the paper's 393 g CO2e per mile");
    }

    @Test
    void liveProvider_usedWhereItHasAFigureElseTheTable() {
        LiveIntensityProvider live = (region, from, to) ->
                region.equals("FRA") && from.equals(RUN.startedAt()) ? OptionalDouble.of(21.0) : OptionalDouble.empty();
        CarbonAccounting accounting = new CarbonAccounting(GridIntensityTable.shipped(), Optional.of(live));
        assertEquals(21.0, accounting.account(RUN, CarbonSettings.of("FRA")).gridGramsPerKwh());
        assertEquals(GridIntensityTable.shipped().lookup("DEU").gramsPerKwh(),
                accounting.account(RUN, CarbonSettings.of("DEU")).gridGramsPerKwh());
    }

    @Test
    void unknownRegionWithoutOverride_fails() {
        assertThrows(CarbonException.class, () -> CarbonAccounting.withShippedTable().account(RUN, CarbonSettings.of("XYZW")));
    }

    @Test
    void impossibleSettings_failNamingTheSetting() {
        CarbonException pue = assertThrows(CarbonException.class, () -> CarbonSettings.of("CAMX").withPue(0.8));
        assertEquals(true, pue.getMessage().contains("pue = 0.8"));
        assertThrows(CarbonException.class, () -> CarbonSettings.of("CAMX").withWallCoefficient(0));
    }
}
