package ftenergy.meter.internal;

import ftenergy.meter.Provenance;
import java.util.List;

/**
 * RAM power model where no RAPL dram zone is readable: watts per GiB × this process's resident
 * memory, integrated with the trapezoid rule between readings. Per-process RSS sums to at most the
 * host's memory, so runs sharing a host do not double count.
 */
public final class RamModelSource implements EnergySource {
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final double wattsPerGib;
    private double joules;

    /** Charges {@code wattsPerGib} for each GiB resident. */
    public RamModelSource(double wattsPerGib) {
        this.wattsPerGib = wattsPerGib;
    }

    @Override
    public String component() {
        return "ram";
    }

    @Override
    public Provenance provenance() {
        return Provenance.ESTIMATED_RAM;
    }

    @Override
    public List<String> devices() {
        return List.of("rss-model");
    }

    @Override
    public String description() {
        return "RAM model: " + wattsPerGib + " W/GiB × process resident memory";
    }

    @Override
    public double[] advance(Interval interval) {
        joules += wattsPerGib * interval.meanRssBytes() / GIB * interval.seconds();
        return new double[] {joules};
    }
}
