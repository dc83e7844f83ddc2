package ftenergy.carbon;

/**
 * Emissions expressed as miles driven by an average passenger car, the equivalent the paper uses.
 *
 * <p>Figure: about 400 g CO2 per mile for a typical passenger vehicle (U.S. EPA, "Greenhouse Gas
 * Emissions from a Typical Passenger Vehicle": 8,887 g CO2 per gallon of gasoline at about 22 miles
 * per gallon).
 */
public final class CarMiles {
    /** EPA's typical passenger vehicle, grams CO2 per mile. */
    public static final double GRAMS_CO2_PER_MILE = 400.0;

    private CarMiles() {}

    /** Miles an average car drives emitting {@code co2Kg}. */
    public static double fromCo2Kg(double co2Kg) {
        return co2Kg * 1000.0 / GRAMS_CO2_PER_MILE;
    }
}
