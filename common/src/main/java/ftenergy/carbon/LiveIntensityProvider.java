package ftenergy.carbon;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * Optional source of measured grid intensity for a region over a time span (an operator's API, a
 * grid-data service). Never required: with none, or when it has no figure, the table is used.
 */
@FunctionalInterface
public interface LiveIntensityProvider {

    /** Mean gCO2e/kWh of {@code region} between {@code from} and {@code to}, or empty if unknown. */
    OptionalDouble gramsPerKwh(String region, Instant from, Instant to);
}
