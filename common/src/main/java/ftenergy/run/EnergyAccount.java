package ftenergy.run;

import java.io.Serializable;

/**
 * A run's energy, how each part was obtained, and what it emitted.
 *
 * <p>Software energy is what the meter read; wall energy corrects it by the host's wall-meter
 * coefficient (the paper's 1.09 on an A100 node); facility energy multiplies by the data centre's
 * PUE; emissions are facility energy × grid intensity.
 *
 * @param cpuKwh CPU energy attributed to this run
 * @param gpuKwh GPU energy of the run's own GPUs
 * @param ramKwh memory energy attributed to this run
 * @param cpuSource provenance: measured-rapl, estimated-tdp or absent
 * @param gpuSource provenance: measured-nvml, estimated-nvml-power or absent
 * @param ramSource provenance: measured-rapl, estimated-ram or absent
 * @param wallCoefficient wall reading / software reading for this host
 * @param pue power usage effectiveness of the facility (1.0 for none)
 * @param gridRegion grid region whose intensity was used
 * @param gridGramsPerKwh grid intensity in gCO2e/kWh
 */
public record EnergyAccount(
        double cpuKwh,
        double gpuKwh,
        double ramKwh,
        String cpuSource,
        String gpuSource,
        String ramSource,
        double wallCoefficient,
        double pue,
        String gridRegion,
        double gridGramsPerKwh)
        implements Serializable {

    /** Software energy: the sum of the components. */
    public double kwh() {
        return cpuKwh + gpuKwh + ramKwh;
    }

    /** Software energy corrected to what a wall meter would read. */
    public double wallKwh() {
        return kwh() * wallCoefficient;
    }

    /** Emissions in kg CO2e: wall energy × PUE × grid intensity. */
    public double co2Kg() {
        return wallKwh() * pue * gridGramsPerKwh / 1000.0;
    }
}
