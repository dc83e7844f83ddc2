package ftenergy.meter.internal;

import ftenergy.meter.Provenance;
import java.util.List;

/**
 * One component's energy (cpu, gpu or ram) on one or more devices, as cumulative joules
 * attributable to this process since the source was opened.
 *
 * <p>Not thread-safe: the sampler calls {@link #advance} from one thread at a time, for
 * consecutive intervals, and each call covers exactly the time since the previous one.
 */
public interface EnergySource {

    /** {@code cpu}, {@code gpu} or {@code ram}. */
    String component();

    /** How the numbers are obtained. */
    Provenance provenance();

    /** Device names, in the order {@link #advance} reports them. */
    List<String> devices();

    /** One line saying what this source reads, for the probe. */
    String description();

    /**
     * Brings the source up to the end of {@code interval} and returns cumulative joules per device.
     * A failing read is noted and contributes nothing; it never throws.
     */
    double[] advance(Interval interval);

    /** Releases what the source holds (a library handle); default none. */
    default void close() {}
}
