package ftenergy.meter.internal;

import ftenergy.meter.Provenance;
import java.util.List;

/**
 * CPU energy where RAPL is unreadable: a model of what the host's CPU packages draw, shared out by
 * the same rule as RAPL's counters ({@link Interval#cpuTimeShareOfBusy()}), so a run is charged the
 * same share of the host whether the host's energy was measured or modelled.
 *
 * <p>The host draws {@code TDP × (idle + (1 − idle) × u)}, where {@code u} is the host's busy
 * fraction of CPU time: linear in load, as SPECpower_ssj2008 curves are to first order, and not
 * through zero, because an idle package still draws power that RAPL counts. A model through zero
 * charged that idle power to nobody, so a run alone on a host was charged less under the model
 * than under RAPL for the same work.
 */
public final class TdpSource implements EnergySource {
    private final double hostTdpWatts;
    private final double idleFraction;
    private final String tdpSource;
    private double joules;

    /**
     * @param hostTdpWatts TDP per socket × sockets: the model's power at full load
     * @param idleFraction the model's power with every CPU idle, as a fraction of {@code hostTdpWatts}
     * @param tdpSource where the TDP came from, for the probe
     */
    public TdpSource(double hostTdpWatts, double idleFraction, String tdpSource) {
        this.hostTdpWatts = hostTdpWatts;
        this.idleFraction = idleFraction;
        this.tdpSource = tdpSource;
    }

    @Override
    public String component() {
        return "cpu";
    }

    @Override
    public Provenance provenance() {
        return Provenance.ESTIMATED_TDP;
    }

    @Override
    public List<String> devices() {
        return List.of("tdp-model");
    }

    @Override
    public String description() {
        return "TDP model: " + hostTdpWatts + " W (" + tdpSource + ") × (idle + (1 − idle) × host busy fraction), idle = "
                + idleFraction + ", attributed by process CPU time / host busy CPU time";
    }

    @Override
    public double[] advance(Interval interval) {
        double hostWatts = hostTdpWatts * (idleFraction + (1 - idleFraction) * interval.hostBusyFraction());
        joules += hostWatts * interval.seconds() * interval.cpuTimeShareOfBusy();
        return new double[] {joules};
    }
}
