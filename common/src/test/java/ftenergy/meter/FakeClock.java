package ftenergy.meter;

import ftenergy.meter.internal.MeterClock;
import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when a test advances it. */
public final class FakeClock implements MeterClock {
    private static final Instant EPOCH = Instant.parse("2024-05-01T12:00:00Z");
    private long nanos = 1_000_000_000L;

    @Override
    public synchronized long nanos() {
        return nanos;
    }

    @Override
    public synchronized Instant now() {
        return EPOCH.plusNanos(nanos);
    }

    /** Moves time forward. */
    public synchronized void advance(Duration d) {
        nanos += d.toNanos();
    }

    /** Seconds since this clock was made. */
    public synchronized double seconds() {
        return (nanos - 1_000_000_000L) / 1e9;
    }
}
