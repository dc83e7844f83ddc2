package ftenergy.carbon;

/**
 * Emissions expressed as miles driven by an average passenger car, the equivalent the paper uses.
 *
 * <p>Figure: 393 g CO2e per mile, the one the paper converts with (U.S. EPA, "Greenhouse Gas
 * Emissions from a Typical Passenger Vehicle", and the EPA Greenhouse Gas Equivalencies
 * Calculator's 3.93 × 10⁻⁴ metric tons CO2e per mile of an average gasoline passenger vehicle).
 * EPA's later editions round to about 400 g CO2 per mile; 393 keeps the report comparable with the
 * paper's Table 2.
 */
public final class CarMiles {
    /** EPA's average passenger vehicle as the paper cites it, grams CO2e per mile. */
    public static final double GRAMS_CO2E_PER_MILE = 393.0;

    private CarMiles() {}

    /** Miles an average car drives emitting {@code co2Kg}. */
    public static double fromCo2Kg(double co2Kg) {
        return co2Kg * 1000.0 / GRAMS_CO2E_PER_MILE;
    }
}
