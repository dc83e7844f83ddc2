package ftenergy.meter.internal;

import ftenergy.meter.Provenance;
import java.io.IOException;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Host energy from RAPL counters, attributed to this process by a share over each interval.
 *
 * <p>RAPL measures the whole package (or all DIMMs), whoever used it. Charging all of it to each
 * run on a shared host is the double counting other tools are criticised for; instead each
 * interval's energy is multiplied by this process's share (CPU time for packages, resident memory
 * for dram), so the runs on one host add up to the host's reading.
 */
public final class RaplSource implements EnergySource {
    private final String component;
    private final List<RaplZone> zones;
    private final WrappingCounter[] counters;
    private final double[] joules;
    private final ToDoubleFunction<Interval> share;
    private final String shareName;
    private final TextFiles files;
    private final MeterNotes notes;

    private RaplSource(String component, List<RaplZone> zones, ToDoubleFunction<Interval> share, String shareName,
            TextFiles files, MeterNotes notes) throws IOException {
        this.component = component;
        this.zones = List.copyOf(zones);
        this.share = share;
        this.shareName = shareName;
        this.files = files;
        this.notes = notes;
        this.counters = new WrappingCounter[zones.size()];
        this.joules = new double[zones.size()];
        for (int i = 0; i < zones.size(); i++) {
            counters[i] = new WrappingCounter(readMicroJoules(zones.get(i)), zones.get(i).maxEnergyRangeMicroJoules());
        }
    }

    /** CPU packages, shared by this process's fraction of the host's busy CPU time ({@link Interval#cpuTimeShareOfBusy()}). */
    public static RaplSource packages(List<RaplZone> zones, TextFiles files, MeterNotes notes) throws IOException {
        return new RaplSource("cpu", zones, Interval::cpuTimeShareOfBusy, "process CPU time / host busy CPU time", files, notes);
    }

    /** DRAM, shared by this process's fraction of the host's used memory. */
    public static RaplSource drams(List<RaplZone> zones, TextFiles files, MeterNotes notes) throws IOException {
        return new RaplSource("ram", zones, Interval::memoryShare, "process RSS / host used memory", files, notes);
    }

    @Override
    public String component() {
        return component;
    }

    @Override
    public Provenance provenance() {
        return Provenance.MEASURED_RAPL;
    }

    @Override
    public List<String> devices() {
        return zones.stream().map(RaplZone::device).toList();
    }

    @Override
    public String description() {
        return "RAPL " + zones.stream().map(z -> z.directory().getFileName() + " (" + z.device() + ")").collect(Collectors.joining(", "))
                + ", attributed by " + shareName;
    }

    @Override
    public double[] advance(Interval interval) {
        double fraction = share.applyAsDouble(interval);
        for (int i = 0; i < zones.size(); i++) {
            try {
                long deltaMicroJoules = counters[i].advance(readMicroJoules(zones.get(i)));
                joules[i] += deltaMicroJoules / 1e6 * fraction;
            } catch (IOException e) {
                notes.warn(RaplDiscovery.unreadable(zones.get(i).energyFile(), e) + " during sampling; its energy is missing for those intervals");
            }
        }
        return joules.clone();
    }

    private long readMicroJoules(RaplZone zone) throws IOException {
        String text = files.read(zone.energyFile()).trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(zone.energyFile() + ": '" + text + "' is not an integer", e);
        }
    }
}
