package ftenergy.meter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A procfs tree for one simulated process on a simulated host, in the kernel's formats. Host-wide
 * files are written by {@link #host}; two processes on one host are two trees given the same host
 * values.
 */
public final class FakeProcfs {
    private final Path root;
    private long processTicks;
    private long rssKib;

    public FakeProcfs(Path root, String cpuModel, int sockets, int logicalCpus) {
        this.root = root;
        StringBuilder cpuinfo = new StringBuilder();
        for (int i = 0; i < logicalCpus; i++) {
            cpuinfo.append("processor\t: ").append(i).append('\n')
                    .append("vendor_id\t: GenuineIntel\n")
                    .append("model name\t: ").append(cpuModel).append('\n')
                    .append("physical id\t: ").append(i % sockets).append('\n')
                    .append('\n');
        }
        write("cpuinfo", cpuinfo.toString());
        write("sys/kernel/hostname", "node-7\n");
        process(0, 512L * 1024);
        host(0, 0, 8L * 1024 * 1024, 4L * 1024 * 1024);
    }

    public Path root() {
        return root;
    }

    /** This process's total CPU ticks and resident KiB. */
    public void process(long ticks, long residentKib) {
        processTicks = ticks;
        rssKib = residentKib;
        // a command name with a space and a parenthesis, as the kernel allows
        int utime = (int) (ticks * 3 / 4);
        long stime = ticks - utime;
        write("self/stat", "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 1 0 0 0 " + utime + " " + stime
                + " 0 0 20 0 42 0 100 1000000 2000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n");
        write("self/status", "Name:\tjava\nVmPeak:\t 9999999 kB\nVmRSS:\t " + residentKib + " kB\nThreads:\t42\n");
    }

    /** Adds CPU ticks to this process. */
    public void addProcessTicks(long ticks) {
        process(processTicks + ticks, rssKib);
    }

    /** Host CPU ticks (busy and all) and memory in KiB. */
    public void host(long activeTicks, long totalTicks, long memTotalKib, long memUsedKib) {
        long idle = totalTicks - activeTicks;
        // busy time split over user/system/irq, idle over idle/iowait
        long user = activeTicks / 2;
        long system = activeTicks / 4;
        long irq = activeTicks - user - system;
        long iowait = idle / 10;
        write("stat", "cpu  " + user + " 0 " + system + " " + (idle - iowait) + " " + iowait + " " + irq + " 0 0 0 0\n"
                + "cpu0 1 0 1 1 0 0 0 0 0 0\nintr 0\nctxt 0\nbtime 0\n");
        write("meminfo", "MemTotal:       " + memTotalKib + " kB\nMemFree:        1 kB\nMemAvailable:   "
                + (memTotalKib - memUsedKib) + " kB\nBuffers:        0 kB\n");
    }

    /** Writes (or replaces) a file under the root. */
    public void write(String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
