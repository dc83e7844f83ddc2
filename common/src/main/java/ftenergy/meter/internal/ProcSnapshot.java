package ftenergy.meter.internal;

/**
 * What procfs says at one instant about this process and the host: the inputs of attribution.
 *
 * <p>CPU times are in kernel clock ticks ({@code USER_HZ}); only ratios of them are used, so the
 * tick length never matters.
 *
 * @param processTicks user + system time of this process ({@code /proc/self/stat})
 * @param hostActiveTicks non-idle time of all CPUs ({@code /proc/stat}, all but idle and iowait)
 * @param hostTotalTicks all time of all CPUs, idle included
 * @param processRssBytes resident memory of this process ({@code VmRSS})
 * @param hostUsedBytes memory in use on the host ({@code MemTotal - MemAvailable})
 */
public record ProcSnapshot(long processTicks, long hostActiveTicks, long hostTotalTicks, long processRssBytes, long hostUsedBytes) {

    /** A snapshot with nothing in it, for hosts without procfs. */
    public static final ProcSnapshot EMPTY = new ProcSnapshot(0, 0, 0, 0, 0);
}
