package ftenergy.carbon;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How a host's software energy becomes wall energy and emissions.
 *
 * <pre>{@code
 * CarbonSettings s = CarbonSettings.of("CAMX").withWallCoefficient(1.09);
 * }</pre>
 *
 * @param region grid region key of the intensity table (an eGRID subregion such as {@code CAMX},
 *     {@code USA}, or an ISO 3166-1 alpha-3 country such as {@code FRA}); with an override it only
 *     labels the result
 * @param wallCoefficient wall-meter reading / software reading for this host (default 1.0, i.e.
 *     uncorrected). Wang et al. (2023) measured 1.09 on their A100 node and 1.05 on their RTX 8000
 *     node; {@link WallCalibration} computes it for yours
 * @param pue power usage effectiveness of the facility (default 1.0: no facility overhead counted)
 * @param intensityOverrideGramsPerKwh gCO2e/kWh to use instead of the table (e.g. a supplier's figure)
 */
public record CarbonSettings(String region, double wallCoefficient, double pue, OptionalDouble intensityOverrideGramsPerKwh) {

    /** The paper's wall coefficient for its A100 node. */
    public static final double PAPER_A100_WALL_COEFFICIENT = 1.09;
    /** The paper's wall coefficient for its RTX 8000 node. */
    public static final double PAPER_RTX8000_WALL_COEFFICIENT = 1.05;

    public CarbonSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(intensityOverrideGramsPerKwh, "intensityOverrideGramsPerKwh");
        if (!(wallCoefficient > 0) || Double.isInfinite(wallCoefficient)) {
            throw CarbonException.invalidSetting("wallCoefficient", wallCoefficient, "a finite number > 0 (1.0 = uncorrected)");
        }
        if (!(pue >= 1.0) || Double.isInfinite(pue)) {
            throw CarbonException.invalidSetting("pue", pue, "a finite number >= 1.0");
        }
        if (intensityOverrideGramsPerKwh.isPresent() && !(intensityOverrideGramsPerKwh.getAsDouble() >= 0)) {
            throw CarbonException.invalidSetting("intensityOverrideGramsPerKwh", intensityOverrideGramsPerKwh.getAsDouble(), "gCO2e/kWh >= 0");
        }
    }

    /**
     * Reads {@code ftenergy.carbon} for the host {@code hostName} (its entry in
     * {@code host-wall-coefficients}, if any, beats {@code wall-coefficient}); problems are collected in {@code in}.
     */
    public static CarbonSettings read(ftenergy.config.ConfigReader in, String hostName) {
        String hostKey = "ftenergy.carbon.host-wall-coefficients." + com.typesafe.config.ConfigUtil.joinPath(hostName);
        double wall = in.config().hasPath(hostKey)
                ? in.doubleIn(hostKey, 0.5, 3)
                : in.doubleIn("ftenergy.carbon.wall-coefficient", 0.5, 3);
        double override = in.optionalDoubleIn("ftenergy.carbon.grid-g-per-kwh", 0, 5000);
        String region = in.string("ftenergy.carbon.grid-region");
        if (Double.isNaN(override) && !GridIntensityTable.shipped().contains(region)) {
            in.problem("ftenergy.carbon.grid-region", "unknown grid region '" + region + "'; known regions: "
                    + String.join(", ", GridIntensityTable.shipped().regions()));
        }
        return new CarbonSettings(region, wall, in.doubleIn("ftenergy.carbon.pue", 1, 5),
                Double.isNaN(override) ? OptionalDouble.empty() : OptionalDouble.of(override));
    }

    /** {@code region} with wall coefficient 1.0, PUE 1.0 and the table's intensity. */
    public static CarbonSettings of(String region) {
        return new CarbonSettings(region, 1.0, 1.0, OptionalDouble.empty());
    }

    /** A copy with another wall coefficient. */
    public CarbonSettings withWallCoefficient(double coefficient) {
        return new CarbonSettings(region, coefficient, pue, intensityOverrideGramsPerKwh);
    }

    /** A copy with another PUE. */
    public CarbonSettings withPue(double value) {
        return new CarbonSettings(region, wallCoefficient, value, intensityOverrideGramsPerKwh);
    }

    /** A copy using {@code gramsPerKwh} instead of the table. */
    public CarbonSettings withIntensityOverride(double gramsPerKwh) {
        return new CarbonSettings(region, wallCoefficient, pue, OptionalDouble.of(gramsPerKwh));
    }
}
