package ftenergy.meter;

import ftenergy.gpu.CudaEnvironment;
import ftenergy.meter.internal.Discovery;
import ftenergy.meter.internal.EnergySource;
import ftenergy.meter.internal.MeterClock;
import ftenergy.meter.internal.MeterNotes;
import ftenergy.meter.internal.NvmlLoader;
import ftenergy.meter.internal.Reading;
import ftenergy.meter.internal.Sampler;
import ftenergy.meter.internal.SourceDiscovery;
import ftenergy.meter.internal.TextFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Energy of this process, from the moment it is opened, as named windows over cumulative counters.
 *
 * <pre>{@code
 * try (EnergyMeter meter = EnergyMeter.open(MeterSettings.defaults(), List.of("0"))) {
 *     meter.begin("train");
 *     double before = meter.joulesSoFar();
 *     trainOneStep();
 *     double stepJoules = meter.joulesSoFar() - before;
 *     Measurement m = meter.end("train");
 * }
 * }</pre>
 *
 * <p>A daemon thread samples every source each {@link MeterSettings#sampleInterval()}; the
 * training thread never waits for it: {@link #joulesSoFar()} reads the last published sample.
 * {@link #begin} and {@link #end} take a fresh reading so windows are exact at their edges.
 * CPU and RAM are this process's share of the host; GPUs are the run's own, in full.
 * Thread-safe. The caller closes the meter; closing stops the thread and releases NVML.
 */
public final class EnergyMeter implements AutoCloseable {
    private final Sampler sampler;
    private final List<EnergySource> sources;
    private final HostDescription host;
    private final Map<String, Provenance> provenance;
    private final MeterNotes notes;
    private final MeterClock clock;
    private final ScheduledExecutorService thread;
    private final Map<String, Reading> openWindows = new LinkedHashMap<>();
    private final AtomicLong joulesSoFarBits = new AtomicLong(Double.doubleToRawLongBits(0));
    private boolean closed;

    private EnergyMeter(Discovery discovery, MeterNotes notes, MeterClock clock, long intervalNanos) {
        this.sources = discovery.sources();
        this.host = discovery.host();
        this.provenance = discovery.provenance();
        this.notes = notes;
        this.clock = clock;
        this.sampler = new Sampler(sources, discovery.procFs(), clock, notes);
        if (intervalNanos > 0) {
            thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "ftenergy-meter");
                t.setDaemon(true);
                return t;
            });
            thread.scheduleAtFixedRate(this::sampleInBackground, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
        } else {
            thread = null;
        }
    }

    /**
     * Opens the meter on this host for a run owning {@code gpuAddresses} (Spark resource addresses:
     * NVML indices or UUIDs; empty for a CPU run) and starts sampling. Each GPU's description says
     * which physical GPU it is (UUID) and its CUDA ordinal under this process's environment.
     *
     * @throws MeterException if NVML is present but does not know one of the addresses, or an
     *     address is a MIG instance or a GPU in MIG mode ({@link MeterException#migInstance})
     */
    public static EnergyMeter open(MeterSettings settings, List<String> gpuAddresses) {
        return open(settings, gpuAddresses, TextFiles.local(), NvmlLoader.jna(), CudaEnvironment.current(), MeterClock.system(), true);
    }

    /**
     * The seam tests use: fake files, a fake NVML, a CUDA environment of their own, a manual clock,
     * and no thread if {@code sampleInBackground} is false.
     */
    static EnergyMeter open(MeterSettings settings, List<String> gpuAddresses, TextFiles files, NvmlLoader nvml,
            CudaEnvironment cuda, MeterClock clock, boolean sampleInBackground) {
        MeterNotes notes = new MeterNotes();
        Discovery discovery = new SourceDiscovery(settings, files, nvml, cuda, notes).discover(List.copyOf(gpuAddresses));
        return new EnergyMeter(discovery, notes, clock, sampleInBackground ? settings.sampleInterval().toNanos() : 0);
    }

    /**
     * Opens window {@code window}. Windows may nest or overlap; each key may be open once.
     *
     * @return the window's start on the meter's monotonic clock ({@link System#nanoTime()} outside
     *     tests), the origin of its {@link Measurement#durationSeconds()}: code that must make a
     *     window last long enough times it from here
     *
     * @throws MeterException if {@code window} is already open or the meter is closed
     */
    public synchronized long begin(String window) {
        requireOpen("begin window '" + window + "'");
        if (openWindows.containsKey(window)) {
            throw MeterException.duplicateWindow(window);
        }
        Reading start = sample();
        openWindows.put(window, start);
        return start.nanos();
    }

    /**
     * Closes window {@code window} and returns its energy.
     *
     * @throws MeterException if {@code window} was never begun (or already ended) or the meter is closed
     */
    public synchronized Measurement end(String window) {
        requireOpen("end window '" + window + "'");
        if (!openWindows.containsKey(window)) {
            throw MeterException.unknownWindow(window, openWindows.keySet());
        }
        Reading start = openWindows.remove(window);
        Reading stop = sample();
        Map<String, Double> gpu = new LinkedHashMap<>();
        stop.gpuJoules().forEach((device, joules) -> gpu.put(device, joules - start.gpuJoules().getOrDefault(device, 0.0)));
        return new Measurement(window, start.at(), stop.at(), (stop.nanos() - start.nanos()) / 1e9,
                stop.cpuJoules() - start.cpuJoules(), gpu, stop.ramJoules() - start.ramJoules(),
                provenance.get("cpu"), provenance.get("gpu"), provenance.get("ram"));
    }

    /**
     * Attributable joules of all components since the meter opened; cheap and never blocking, for
     * per-step energy. Between samples the last power is extrapolated; the value never decreases,
     * so differences between calls are never negative and add up to the total.
     */
    public double joulesSoFar() {
        Reading last = sampler.latest();
        double estimate = last.totalJoules() + last.watts() * Math.max(0, clock.nanos() - last.nanos()) / 1e9;
        while (true) {
            long bits = joulesSoFarBits.get();
            double previous = Double.longBitsToDouble(bits);
            if (estimate <= previous) {
                return previous;
            }
            if (joulesSoFarBits.compareAndSet(bits, Double.doubleToRawLongBits(estimate))) {
                return estimate;
            }
        }
    }

    /** The power timeline so far: one sample per device per reading, in time order. */
    public List<PowerSample> samples() {
        return sampler.samples();
    }

    /**
     * The power timeline from sample {@code from} on (an index into {@link #samples()}): how a
     * watcher reads only what is new since it last looked.
     */
    public List<PowerSample> samplesFrom(int from) {
        return sampler.samplesFrom(from);
    }

    /** The last published reading, per component; never blocks and never samples (cheap on any thread). */
    public MeterReading latest() {
        Reading r = sampler.latest();
        return new MeterReading(r.at(), r.cpuJoules(), r.gpuJoulesTotal(), r.ramJoules(), r.cpuWatts(), r.gpuWatts(),
                r.ramWatts());
    }

    /** The host and the run's GPUs. */
    public HostDescription host() {
        return host;
    }

    /** Provenance label of each component ({@code cpu}, {@code gpu}, {@code ram}), e.g. {@code measured-rapl}. */
    public Map<String, String> provenance() {
        Map<String, String> labels = new LinkedHashMap<>();
        provenance.forEach((component, p) -> labels.put(component, p.label()));
        return labels;
    }

    /** Why sources are missing or degraded, each reason once, in the order they arose. */
    public List<String> notes() {
        return notes.all();
    }

    /** One line per source in use, saying what it reads. */
    public List<String> sourceDescriptions() {
        List<String> lines = new ArrayList<>();
        for (EnergySource s : sources) {
            lines.add(s.component() + ": " + s.provenance().label() + " — " + s.description());
        }
        return lines;
    }

    /** Takes a reading now (also used by the background thread). */
    Reading sample() {
        return sampler.sample();
    }

    /** Stops sampling after a last reading and releases the sources. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (thread != null) {
            // not shutdownNow: interrupting a sysfs read closes its channel and would look like a failing counter
            thread.shutdown();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sampler.sample();
        sources.forEach(EnergySource::close);
    }

    private void sampleInBackground() {
        try {
            sampler.sample();
        } catch (RuntimeException e) {
            // a thrown exception would cancel the schedule: note it and keep sampling
            notes.warn("meter sampling failed: " + e);
        }
    }

    private void requireOpen(String operation) {
        if (closed) {
            throw MeterException.closed(operation);
        }
    }
}
