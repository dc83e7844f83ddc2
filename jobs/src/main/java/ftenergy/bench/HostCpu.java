package ftenergy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The host's CPU time from {@code /proc/stat}: busy and total ticks of all CPUs, every process
 * counted. When the cluster is this host (local mode, or a loopback cluster) it is the cluster's
 * CPU use; other load on the host counts too.
 */
record HostCpu(long busyTicks, long totalTicks) {

    /** The ticks now; zeros where there is no {@code /proc/stat} (the fraction is then NaN). */
    static HostCpu now() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                if (line.startsWith("cpu ")) {
                    String[] f = line.trim().split("\\s+");
                    long total = 0;
                    // user nice system idle iowait irq softirq steal
                    for (int i = 1; i <= 8 && i < f.length; i++) {
                        total += Long.parseLong(f[i]);
                    }
                    long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                    return new HostCpu(total - idle, total);
                }
            }
        } catch (IOException | RuntimeException e) {
            // No procfs (not Linux): the figure is reported as unknown.
        }
        return new HostCpu(0, 0);
    }

    /** The fraction of CPU time spent busy between {@code earlier} and this reading. */
    double busySince(HostCpu earlier) {
        long total = totalTicks - earlier.totalTicks;
        return total <= 0 ? Double.NaN : (busyTicks - earlier.busyTicks) / (double) total;
    }
}
