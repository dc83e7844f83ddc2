package ftenergy.carbon;

import ftenergy.meter.EnergyUnit;
import ftenergy.meter.Measurement;
import ftenergy.run.EnergyAccount;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns a meter {@link Measurement} into the {@link EnergyAccount} a run row stores: kWh per
 * component with provenance, the host's wall coefficient and PUE, and the grid intensity used.
 */
public final class CarbonAccounting {

    private final GridIntensityTable table;
    private final Optional<LiveIntensityProvider> live;

    /** Uses {@code table}, and {@code live} first where it has a figure. */
    public CarbonAccounting(GridIntensityTable table, Optional<LiveIntensityProvider> live) {
        this.table = table;
        this.live = live;
    }

    /** The shipped table and no live provider. */
    public static CarbonAccounting withShippedTable() {
        return new CarbonAccounting(GridIntensityTable.shipped(), Optional.empty());
    }

    /**
     * The account of {@code m} under {@code settings}. Intensity: the settings' override, else the
     * live provider's figure for the measurement's span, else the table's.
     *
     * @throws CarbonException if no override is set and the region is not in the table
     */
    public EnergyAccount account(Measurement m, CarbonSettings settings) {
        return new EnergyAccount(
                EnergyUnit.joulesToKwh(m.cpuJoules()),
                EnergyUnit.joulesToKwh(m.gpuJoules()),
                EnergyUnit.joulesToKwh(m.ramJoules()),
                m.cpuProvenance().label(),
                m.gpuProvenance().label(),
                m.ramProvenance().label(),
                settings.wallCoefficient(),
                settings.pue(),
                settings.region(),
                gramsPerKwh(m, settings));
    }

    private double gramsPerKwh(Measurement m, CarbonSettings settings) {
        if (settings.intensityOverrideGramsPerKwh().isPresent()) {
            return settings.intensityOverrideGramsPerKwh().getAsDouble();
        }
        if (live.isPresent()) {
            OptionalDouble measured = live.get().gramsPerKwh(settings.region(), m.startedAt(), m.endedAt());
            if (measured.isPresent()) {
                return measured.getAsDouble();
            }
        }
        return table.lookup(settings.region()).gramsPerKwh();
    }
}
