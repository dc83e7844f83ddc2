package ftenergy.meter.internal;

import ftenergy.meter.PowerSample;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every source over the same interval, keeps the cumulative totals and the power timeline.
 *
 * <p>Thread-safe: the background thread and {@code begin}/{@code end} both call {@link #sample()};
 * the lock serialises them, so each source sees consecutive, non-overlapping intervals. The latest
 * reading is also published without the lock for callers that must never wait.
 */
public final class Sampler {
    private final List<EnergySource> sources;
    private final ProcFs procFs;
    private final MeterClock clock;
    private final MeterNotes notes;
    private final double[][] lastJoules;
    private final List<PowerSample> samples = new ArrayList<>();
    private long lastNanos;
    private ProcSnapshot lastProc;
    private volatile Reading latest;

    /**
     * Starts the clock now; {@code procFs} may be {@code null} on hosts without procfs (then no
     * source may depend on it).
     */
    public Sampler(List<EnergySource> sources, ProcFs procFs, MeterClock clock, MeterNotes notes) {
        this.sources = List.copyOf(sources);
        this.procFs = procFs;
        this.clock = clock;
        this.notes = notes;
        this.lastJoules = new double[sources.size()][];
        Map<String, Double> gpu = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            lastJoules[i] = new double[sources.get(i).devices().size()];
            if (sources.get(i).component().equals("gpu")) {
                sources.get(i).devices().forEach(d -> gpu.put(d, 0.0));
            }
        }
        this.lastProc = procFs == null ? ProcSnapshot.EMPTY : snapshotOr(ProcSnapshot.EMPTY);
        this.lastNanos = clock.nanos();
        this.latest = new Reading(lastNanos, clock.now(), 0, 0, gpu, 0, 0, 0);
    }

    /** Reads all sources now, appends one power sample per device, and returns the new totals. */
    public synchronized Reading sample() {
        long now = clock.nanos();
        if (now <= lastNanos) {
            return latest;
        }
        Instant at = clock.now();
        ProcSnapshot proc = procFs == null ? ProcSnapshot.EMPTY : snapshotOr(lastProc);
        Interval interval = new Interval(lastNanos, now, lastProc, proc);
        double seconds = interval.seconds();
        double cpu = 0;
        double ram = 0;
        double[] watts = new double[3];
        Map<String, Double> gpu = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            EnergySource source = sources.get(i);
            double[] joules = source.advance(interval);
            List<String> devices = source.devices();
            for (int k = 0; k < joules.length; k++) {
                double deviceWatts = (joules[k] - lastJoules[i][k]) / seconds;
                samples.add(new PowerSample(at, source.component(), devices.get(k), deviceWatts, joules[k]));
                switch (source.component()) {
                    case "cpu" -> {
                        cpu += joules[k];
                        watts[0] += deviceWatts;
                    }
                    case "ram" -> {
                        ram += joules[k];
                        watts[2] += deviceWatts;
                    }
                    default -> {
                        gpu.put(devices.get(k), joules[k]);
                        watts[1] += deviceWatts;
                    }
                }
            }
            lastJoules[i] = joules;
        }
        lastNanos = now;
        lastProc = proc;
        Reading reading = new Reading(now, at, cpu, ram, gpu, watts[0], watts[1], watts[2]);
        latest = reading;
        return reading;
    }

    /** The last reading, without waiting for a sample in progress. */
    public Reading latest() {
        return latest;
    }

    /** Every power sample so far, in time order. */
    public synchronized List<PowerSample> samples() {
        return List.copyOf(samples);
    }

    /** The power samples from index {@code from} (0-based, in time order) to the latest; empty if none is newer. */
    public synchronized List<PowerSample> samplesFrom(int from) {
        if (from < 0) {
            throw new IllegalArgumentException("sample index " + from + " is negative");
        }
        return from >= samples.size() ? List.of() : List.copyOf(samples.subList(from, samples.size()));
    }

    private ProcSnapshot snapshotOr(ProcSnapshot fallback) {
        try {
            return procFs.snapshot();
        } catch (IOException e) {
            notes.warn("procfs unreadable during sampling (" + e.getMessage() + "); CPU and RAM shares count as 0 for those intervals");
            return fallback;
        }
    }
}
