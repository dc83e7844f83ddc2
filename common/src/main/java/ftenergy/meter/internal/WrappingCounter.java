package ftenergy.meter.internal;

/**
 * Differences of a hardware counter that wraps to 0 after {@code max} (RAPL's
 * {@code max_energy_range_uj}). A single wrap between readings is recovered; several are not, so
 * readings must come more often than the wrap period (tens of minutes for RAPL packages).
 */
public final class WrappingCounter {
    private final long max;
    private long last;

    /** Starts at {@code initial}; {@code max} is the largest value the counter shows. */
    public WrappingCounter(long initial, long max) {
        this.max = max;
        this.last = initial;
    }

    /** The increase from the previous raw value to {@code raw}, across a wrap if {@code raw} is smaller. */
    public long advance(long raw) {
        long delta = raw >= last ? raw - last : (max - last) + raw;
        last = raw;
        return delta;
    }
}
