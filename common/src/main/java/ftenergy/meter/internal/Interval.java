package ftenergy.meter.internal;

/**
 * The span between two consecutive readings, handed to every source at once so they all integrate
 * over the same instants.
 *
 * @param fromNanos monotonic start
 * @param toNanos monotonic end
 * @param before procfs at the start
 * @param after procfs at the end
 */
public record Interval(long fromNanos, long toNanos, ProcSnapshot before, ProcSnapshot after) {

    /** Length in seconds. */
    public double seconds() {
        return (toNanos - fromNanos) / 1e9;
    }

    /**
     * This process's share of the host's busy CPU time over the interval, in [0, 1]; 0 when the
     * host was idle (idle energy then belongs to no run).
     */
    public double cpuTimeShareOfBusy() {
        return ratio(after.processTicks() - before.processTicks(), after.hostActiveTicks() - before.hostActiveTicks());
    }

    /** This process's CPU time as a fraction of all the host's CPU capacity over the interval, in [0, 1]. */
    public double cpuLoad() {
        return ratio(after.processTicks() - before.processTicks(), after.hostTotalTicks() - before.hostTotalTicks());
    }

    /** This process's resident memory as a share of the host's used memory, averaged over both ends. */
    public double memoryShare() {
        return (ratio(before.processRssBytes(), before.hostUsedBytes()) + ratio(after.processRssBytes(), after.hostUsedBytes())) / 2;
    }

    /** Mean resident bytes of this process over the interval. */
    public double meanRssBytes() {
        return (before.processRssBytes() + after.processRssBytes()) / 2.0;
    }

    private static double ratio(double part, double whole) {
        // tick sampling lets a process's time run slightly ahead of the host's: clamp instead of
        // over-attributing
        return whole > 0 ? Math.max(0, Math.min(1, part / whole)) : 0;
    }
}
