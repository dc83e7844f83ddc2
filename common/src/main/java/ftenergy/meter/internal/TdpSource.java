package ftenergy.meter.internal;

import ftenergy.meter.Provenance;
import java.util.List;

/**
 * CPU power model where RAPL is unreadable: the host's TDP × this process's CPU load, where load is
 * the process's CPU time over the host's whole CPU capacity in the interval.
 *
 * <p>The load curve is linear through zero on purpose: it is the only curve under which the
 * estimates of several processes on one host add up to the host estimate (a concave curve
 * evaluated per process over-counts). Idle power is therefore charged to no run, so this is a
 * lower bound compared with RAPL.
 */
public final class TdpSource implements EnergySource {
    private final double hostTdpWatts;
    private final String tdpSource;
    private double joules;

    /** {@code hostTdpWatts} is TDP per socket × sockets. */
    public TdpSource(double hostTdpWatts, String tdpSource) {
        this.hostTdpWatts = hostTdpWatts;
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
        return "TDP model: " + hostTdpWatts + " W (" + tdpSource + ") × process CPU time / host CPU capacity";
    }

    @Override
    public double[] advance(Interval interval) {
        joules += hostTdpWatts * interval.seconds() * interval.cpuLoad();
        return new double[] {joules};
    }
}
