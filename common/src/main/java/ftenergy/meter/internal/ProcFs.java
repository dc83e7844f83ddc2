package ftenergy.meter.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads procfs under a root: this process's CPU time and memory, the host's CPU time and memory,
 * and the CPU model. Parsing only; callers decide what a failure means.
 */
public final class ProcFs {
    private final Path root;
    private final TextFiles files;

    /** Reads procfs mounted at {@code root} (normally {@code /proc}) through {@code files}. */
    public ProcFs(Path root, TextFiles files) {
        this.root = root;
        this.files = files;
    }

    /** The root this reads under. */
    public Path root() {
        return root;
    }

    /** One consistent-enough reading of everything attribution needs. */
    public ProcSnapshot snapshot() throws IOException {
        long[] host = hostCpuTicks();
        return new ProcSnapshot(processCpuTicks(), host[0], host[1], processRssBytes(), hostUsedBytes());
    }

    /** utime + stime of this process, in ticks. */
    public long processCpuTicks() throws IOException {
        Path file = root.resolve("self/stat");
        String stat = files.read(file);
        // the command name is in parentheses and may itself contain spaces and ')'
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IOException(file + ": no ')' after the command name");
        }
        String[] fields = stat.substring(close + 1).trim().split("\\s+");
        // fields[0] is field 3 (state); utime and stime are fields 14 and 15
        if (fields.length < 13) {
            throw new IOException(file + ": " + (fields.length + 2) + " fields, utime/stime need 15");
        }
        return parseLong(file, fields[11]) + parseLong(file, fields[12]);
    }

    /** {active, total} ticks of all CPUs from the aggregate "cpu" line. */
    public long[] hostCpuTicks() throws IOException {
        Path file = root.resolve("stat");
        for (String line : files.read(file).split("\n")) {
            if (line.startsWith("cpu ")) {
                String[] f = line.trim().split("\\s+");
                // user nice system idle iowait irq softirq steal; guest time is already inside user
                long total = 0;
                for (int i = 1; i <= 8 && i < f.length; i++) {
                    total += parseLong(file, f[i]);
                }
                long idle = parseLong(file, f[4]) + (f.length > 5 ? parseLong(file, f[5]) : 0);
                return new long[] {total - idle, total};
            }
        }
        throw new IOException(file + ": no aggregate 'cpu' line");
    }

    /** VmRSS of this process in bytes. */
    public long processRssBytes() throws IOException {
        return kibField(root.resolve("self/status"), "VmRSS:") * 1024;
    }

    /** MemTotal - MemAvailable in bytes. */
    public long hostUsedBytes() throws IOException {
        Path file = root.resolve("meminfo");
        return (kibField(file, "MemTotal:") - kibField(file, "MemAvailable:")) * 1024;
    }

    /** The CPU model, sockets and logical CPUs. */
    public CpuInfo cpuInfo() throws IOException {
        String model = "unknown";
        Set<String> packages = new HashSet<>();
        int logical = 0;
        for (String line : files.read(root.resolve("cpuinfo")).split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "processor" -> logical++;
                case "model name" -> model = logical <= 1 ? value : model;
                case "physical id" -> packages.add(value);
                default -> { }
            }
        }
        return new CpuInfo(model, Math.max(1, packages.size()), Math.max(1, logical));
    }

    /** The kernel's host name. */
    public String hostName() throws IOException {
        return files.read(root.resolve("sys/kernel/hostname")).trim();
    }

    private long kibField(Path file, String key) throws IOException {
        for (String line : files.read(file).split("\n")) {
            if (line.startsWith(key)) {
                String[] f = line.substring(key.length()).trim().split("\\s+");
                return parseLong(file, f[0]);
            }
        }
        throw new IOException(file + ": no '" + key + "' line");
    }

    private static long parseLong(Path file, String text) throws IOException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": '" + text + "' is not an integer", e);
        }
    }
}
