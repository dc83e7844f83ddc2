package ftenergy.meter;

/** The one place kWh and joules are converted. */
public final class EnergyUnit {

    /** Joules in one kilowatt-hour. */
    public static final double JOULES_PER_KWH = 3_600_000.0;

    private EnergyUnit() {}

    /** {@code kwh} in joules. */
    public static double kwhToJoules(double kwh) {
        return kwh * JOULES_PER_KWH;
    }

    /** {@code joules} in kWh. */
    public static double joulesToKwh(double joules) {
        return joules / JOULES_PER_KWH;
    }
}
