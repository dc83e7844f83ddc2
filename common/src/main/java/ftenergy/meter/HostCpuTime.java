package ftenergy.meter;

import ftenergy.meter.internal.ProcFs;
import ftenergy.meter.internal.TextFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The host's CPU time from {@code /proc/stat}: busy and total ticks of all CPUs, every process
 * counted. When a Spark cluster is this host (local mode, or a loopback cluster) it is the
 * cluster's CPU use; other load on the host counts too.
 *
 * @param busyTicks ticks all CPUs spent busy since boot
 * @param totalTicks ticks all CPUs spent since boot
 */
public record HostCpuTime(long busyTicks, long totalTicks) {

    private static final ProcFs PROC = new ProcFs(Path.of("/proc"), TextFiles.local());

    /** The ticks now; zeros where there is no {@code /proc/stat} (the fraction is then NaN). */
    public static HostCpuTime now() {
        try {
            long[] ticks = PROC.hostCpuTicks();
            return new HostCpuTime(ticks[0], ticks[1]);
        } catch (IOException | RuntimeException e) {
            // No procfs (not Linux): the figure is reported as unknown.
            return new HostCpuTime(0, 0);
        }
    }

    /** The fraction of CPU time spent busy between {@code earlier} and this reading. */
    public double busySince(HostCpuTime earlier) {
        long total = totalTicks - earlier.totalTicks;
        return total <= 0 ? Double.NaN : (busyTicks - earlier.busyTicks) / (double) total;
    }
}
