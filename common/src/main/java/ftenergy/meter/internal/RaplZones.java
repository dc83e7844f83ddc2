package ftenergy.meter.internal;

import java.util.List;
import java.util.Optional;

/**
 * The RAPL zones found on a host, split the way the meter uses them, with why a group is unusable.
 *
 * @param packages readable package zones (all of them, or none: a partial set would undercount)
 * @param packageProblem why there are no package zones, if there are none
 * @param drams readable dram zones (all or none)
 * @param dramProblem why there are no dram zones, if there are none
 */
public record RaplZones(List<RaplZone> packages, Optional<String> packageProblem, List<RaplZone> drams, Optional<String> dramProblem) {

    public RaplZones {
        packages = List.copyOf(packages);
        drams = List.copyOf(drams);
    }
}
