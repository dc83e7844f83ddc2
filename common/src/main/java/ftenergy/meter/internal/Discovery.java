package ftenergy.meter.internal;

import ftenergy.meter.HostDescription;
import ftenergy.meter.Provenance;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link SourceDiscovery} found: the sources to read, the host, and each component's provenance.
 *
 * @param sources one source per counted component, cpu before gpu before ram
 * @param procFs the procfs reader the sources' attribution relies on, or {@code null} if procfs is unreadable
 * @param host the host and the run's GPUs
 * @param provenance provenance of {@code cpu}, {@code gpu} and {@code ram}
 */
public record Discovery(List<EnergySource> sources, ProcFs procFs, HostDescription host, Map<String, Provenance> provenance) {

    public Discovery {
        sources = List.copyOf(sources);
        // Map.copyOf would forget the component order callers print and store.
        provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }
}
