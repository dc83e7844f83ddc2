package ftenergy.meter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A sysfs tree with powercap RAPL zones laid out as the kernel does (flat entries under class/powercap). */
public final class FakeSysfs {
    private final Path root;

    public FakeSysfs(Path root) {
        this.root = root;
        try {
            Files.createDirectories(powercap());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public Path powercap() {
        return root.resolve("class/powercap");
    }

    /** Adds zone {@code dirName} (e.g. {@code intel-rapl:0}) named {@code name}, counter at {@code energyUj}. */
    public FakeSysfs zone(String dirName, String name, long energyUj, long maxRangeUj) {
        write(dirName + "/name", name + "\n");
        write(dirName + "/max_energy_range_uj", maxRangeUj + "\n");
        setEnergy(dirName, energyUj);
        return this;
    }

    /** Sets a zone's counter. */
    public void setEnergy(String dirName, long energyUj) {
        write(dirName + "/energy_uj", energyUj + "\n");
    }

    /** Reads a zone's counter back. */
    public long energy(String dirName) {
        try {
            return Long.parseLong(Files.readString(powercap().resolve(dirName + "/energy_uj")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Advances a zone's counter by {@code deltaUj}, wrapping at its max range like the hardware. */
    public void addEnergy(String dirName, long deltaUj, long maxRangeUj) {
        setEnergy(dirName, (energy(dirName) + deltaUj) % maxRangeUj);
    }

    private void write(String relative, String content) {
        try {
            Path file = powercap().resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
