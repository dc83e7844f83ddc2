package ftenergy.meter.internal;

import java.time.Instant;

/** Monotonic time for integration and wall time for timestamps; tests substitute a manual clock. */
public interface MeterClock {

    /** Monotonic nanoseconds (only differences mean anything). */
    long nanos();

    /** Wall-clock time now. */
    Instant now();

    /** {@link System#nanoTime()} and {@link Instant#now()}. */
    static MeterClock system() {
        return new MeterClock() {
            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public Instant now() {
                return Instant.now();
            }
        };
    }
}
