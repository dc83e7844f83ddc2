package ftenergy.meter.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds RAPL zones under {@code <sysfs>/class/powercap}: Intel's {@code intel-rapl} control type
 * (which Linux also uses for AMD Zen), {@code amd-rapl} where a kernel names it so, and
 * {@code intel-rapl-mmio}.
 *
 * <p>Only package zones and their dram sub-zones are kept: core and uncore lie inside the package,
 * psys covers the whole platform, and an mmio zone repeating an MSR zone's name is the same
 * energy again, so counting any of them would count twice.
 */
public final class RaplDiscovery {
    private static final Pattern ZONE = Pattern.compile("(intel-rapl|amd-rapl|intel-rapl-mmio):(\\d+)(?::(\\d+))?");

    private final TextFiles files;

    /** Reads sysfs through {@code files}. */
    public RaplDiscovery(TextFiles files) {
        this.files = files;
    }

    /** Scans {@code <sysfsRoot>/class/powercap}; never throws, problems end up in the result. */
    public RaplZones find(Path sysfsRoot) {
        Path powercap = sysfsRoot.resolve("class/powercap");
        if (!files.isDirectory(powercap)) {
            String why = "no RAPL: " + powercap + " does not exist (a VM, a container without powercap, or not Linux)";
            return new RaplZones(List.of(), Optional.of(why), List.of(), Optional.of(why));
        }
        List<Path> entries;
        try {
            entries = files.list(powercap);
        } catch (IOException e) {
            String why = "no RAPL: cannot list " + powercap + ": " + e;
            return new RaplZones(List.of(), Optional.of(why), List.of(), Optional.of(why));
        }
        List<RaplZone> packages = new ArrayList<>();
        List<RaplZone> drams = new ArrayList<>();
        Set<String> msrNames = new HashSet<>();
        String packageProblem = null;
        String dramProblem = null;
        // MSR zones sort before their mmio twins, so the twins can be recognised by name
        for (Path dir : entries.stream().sorted((a, b) -> Boolean.compare(isMmio(a), isMmio(b))).toList()) {
            Matcher m = ZONE.matcher(dir.getFileName().toString());
            if (!m.matches()) {
                continue;
            }
            String name;
            try {
                name = files.read(dir.resolve("name")).trim();
            } catch (IOException e) {
                packageProblem = first(packageProblem, unreadable(dir.resolve("name"), e));
                continue;
            }
            boolean mmio = isMmio(dir);
            if (mmio && msrNames.contains(name)) {
                continue;
            }
            if (!mmio) {
                msrNames.add(name);
            }
            boolean top = m.group(3) == null;
            String device;
            if (top && name.startsWith("package")) {
                device = name;
            } else if (name.equals("dram")) {
                device = "dram-" + m.group(2);
            } else {
                continue;
            }
            try {
                long max = Long.parseLong(files.read(dir.resolve("max_energy_range_uj")).trim());
                Long.parseLong(files.read(dir.resolve("energy_uj")).trim());
                (device.startsWith("dram") ? drams : packages).add(new RaplZone(device, dir, max));
            } catch (IOException | NumberFormatException e) {
                String why = e instanceof IOException io ? unreadable(failedFile(dir, io), io) : "RAPL zone " + dir + ": " + e.getMessage();
                if (device.startsWith("dram")) {
                    dramProblem = first(dramProblem, why);
                } else {
                    packageProblem = first(packageProblem, why);
                }
            }
        }
        if (packageProblem == null && packages.isEmpty()) {
            packageProblem = "no RAPL package zone under " + powercap;
        }
        if (dramProblem == null && drams.isEmpty()) {
            dramProblem = "no RAPL dram zone under " + powercap + " (only some server CPUs expose one)";
        }
        // all or nothing per group: a missing socket would silently undercount
        return new RaplZones(packageProblem == null ? packages : List.of(), Optional.ofNullable(packageProblem),
                dramProblem == null ? drams : List.of(), Optional.ofNullable(dramProblem));
    }

    private static boolean isMmio(Path dir) {
        return dir.getFileName().toString().startsWith("intel-rapl-mmio");
    }

    private static Path failedFile(Path dir, IOException e) {
        return e instanceof java.nio.file.FileSystemException fse && fse.getFile() != null ? Path.of(fse.getFile()) : dir;
    }

    /** The reason text for an unreadable RAPL file, telling an ordinary user what to do. */
    static String unreadable(Path file, IOException e) {
        if (e instanceof AccessDeniedException) {
            return "RAPL unreadable: permission denied on " + file + " (energy_uj is root-only since Linux 5.10, "
                    + "CVE-2020-8694; run as root or grant read access, e.g. with a udev rule)";
        }
        return "RAPL unreadable: " + file + ": " + e;
    }

    private static String first(String existing, String candidate) {
        return existing != null ? existing : candidate;
    }
}
