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
     * This process's share of the host's CPU energy over the interval: its CPU time over the CPU
     * time of every process on the host (busy time: all but idle and iowait), in [0, 1]; 0 when the
     * host was idle. The one attribution rule of every CPU source, measured or modelled.
     *
     * <p>Busy time, not capacity, is the denominator: the host's CPU energy, its idle power
     * included, is what the busy processes cost together, so it is shared among them in proportion
     * to their CPU time and a run alone on a host carries the host's idle power, as a dedicated node
     * bills its one job. Shares of all processes add up to the host's energy; runs sharing a host
     * add up to at most it (other processes take the rest). An interval with no busy time at all
     * is charged to nobody.
     */
    public double cpuTimeShareOfBusy() {
        return ratio(after.processTicks() - before.processTicks(), after.hostActiveTicks() - before.hostActiveTicks());
    }

    /** The host's busy CPU time as a fraction of all its CPU time over the interval, in [0, 1]. */
    public double hostBusyFraction() {
        return ratio(after.hostActiveTicks() - before.hostActiveTicks(), after.hostTotalTicks() - before.hostTotalTicks());
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
