package ftenergy.carbon;

/**
 * Carbon intensity of one region's electricity.
 *
 * @param region the table key ({@code CAMX}, {@code FRA}, ...)
 * @param name human-readable name
 * @param gramsPerKwh gCO2e per kWh
 * @param year data year
 * @param source where the figure comes from
 */
public record GridIntensity(String region, String name, double gramsPerKwh, int year, String source) {}
