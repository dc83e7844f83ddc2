package ftenergy.sweep;

import com.typesafe.config.Config;
import ftenergy.attempt.MeteredRun;
import ftenergy.attempt.SweepProvenance;
import ftenergy.carbon.CarbonAccounting;
import ftenergy.carbon.CarbonSettings;
import ftenergy.config.ConfigReader;
import ftenergy.live.AttemptIdentity;
import ftenergy.live.LiveDelivery;
import ftenergy.live.NewDeliveries;
import ftenergy.meter.Measurement;
import ftenergy.meter.MeterReading;
import ftenergy.meter.PowerSample;
import ftenergy.meter.Provenance;
import ftenergy.provenance.RuntimeVersions;
import ftenergy.run.AttemptResult;
import ftenergy.run.HostInfo;
import ftenergy.run.RunSpec;
import ftenergy.run.RunStatus;
import ftenergy.run.WorkCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The driver's view of a sweep's attempts in flight, fed by their executors' deliveries
 * ({@code ftenergy.metrics.LiveDeliveries}): so that nothing measured is lost.
 *
 * <ul>
 *   <li>The power samples of each delivery go to the lakehouse while the attempt runs
 *       ({@link #accept}, handed to the committer); when its result comes back, the result keeps
 *       only the samples no delivery carried ({@link #unrecorded}).
 *   <li>An attempt that never returns a result (its executor died, its task was killed) is
 *       recorded as failed with the energy, steps and tokens of its last delivery ({@link #failed}).
 * </ul>
 * Deliveries of other sweeps, repeats and those arriving after their attempt's result are ignored.
 * Thread-safe: deliveries arrive on Spark's RPC thread, results on the scheduler's threads.
 */
final class InFlightAttempts implements Consumer<LiveDelivery> {

    /** What is known of one attempt: its last delivery, the time of the last sample handed on, whether it ended. */
    private static final class Known {
        LiveDelivery last;
        Instant samplesUntil = Instant.MIN;
        boolean ended;
    }

    private final String sweepId;
    private final Config config;
    private final SweepProvenance provenance;
    private volatile BiConsumer<AttemptIdentity, List<PowerSample>> samples = (attempt, ignored) -> {};
    private final NewDeliveries repeats = new NewDeliveries();
    private final Map<AttemptIdentity, Known> attempts = new HashMap<>();

    /**
     * @param sweepId the sweep whose attempts are watched
     * @param config the resolved configuration: carbon settings of a failed attempt's host
     * @param provenance recorded with failed attempts
     */
    InFlightAttempts(String sweepId, Config config, SweepProvenance provenance) {
        this.sweepId = sweepId;
        this.config = config;
        this.provenance = provenance;
    }

    /** A watcher of no deliveries: failed attempts are recorded with nothing measured. */
    static InFlightAttempts none(SweepProvenance provenance) {
        return new InFlightAttempts(null, null, provenance);
    }

    /**
     * From now on, each delivery's new power samples go to {@code recorder}, called on Spark's RPC
     * thread (it must hand them off, not write them there). Until then they are only remembered.
     */
    void recordSamplesWith(BiConsumer<AttemptIdentity, List<PowerSample>> recorder) {
        this.samples = recorder;
    }

    @Override
    public void accept(LiveDelivery delivery) {
        if (sweepId == null || !sweepId.equals(delivery.attempt().sweepId()) || !repeats.firstArrival(delivery)) {
            return;
        }
        List<PowerSample> fresh;
        synchronized (this) {
            Known known = attempts.computeIfAbsent(delivery.attempt(), a -> new Known());
            if (known.ended) {
                return; // its result, which carries everything, is already on its way to the tables
            }
            known.last = delivery;
            fresh = delivery.samples().stream().filter(s -> s.at().isAfter(known.samplesUntil)).toList();
            if (!fresh.isEmpty()) {
                known.samplesUntil = fresh.get(fresh.size() - 1).at();
            }
        }
        if (!fresh.isEmpty()) {
            samples.accept(delivery.attempt(), fresh);
        }
    }

    /**
     * {@code result} with the power samples its deliveries did not already hand on; the attempt
     * has ended, and later deliveries of it are ignored.
     */
    synchronized AttemptResult unrecorded(AttemptResult result) {
        Known known = attempts.computeIfAbsent(new AttemptIdentity(result.run().spec().runId(), result.run().spec().sweepId(),
                result.run().attempt()), a -> new Known());
        known.ended = true;
        Instant until = known.samplesUntil;
        if (until.equals(Instant.MIN)) {
            return result;
        }
        List<PowerSample> rest = result.samples().stream().filter(s -> s.at().isAfter(until)).toList();
        return new AttemptResult(result.run(), result.steps(), rest, result.evals());
    }

    /**
     * The record of an attempt that returned no result: failed with {@code failure}'s message and,
     * where its executor delivered anything before it was lost, the energy, steps and tokens of
     * its last delivery (its power samples are in the lakehouse already). Without a delivery,
     * nothing was measured and every component is {@code absent}.
     */
    AttemptResult failed(RunSpec spec, int attempt, Instant requested, Throwable failure) {
        LiveDelivery last;
        synchronized (this) {
            Known known = attempts.computeIfAbsent(new AttemptIdentity(spec.runId(), spec.sweepId(), attempt), a -> new Known());
            known.ended = true;
            last = known.last;
        }
        String error = failure.getClass().getSimpleName() + ": " + String.valueOf(failure.getMessage());
        error = error.length() > 2000 ? error.substring(0, 2000) : error;
        if (last == null || config == null) {
            return FailedAttempts.of(spec, attempt, requested, error, provenance);
        }
        return delivered(spec, attempt, last, error);
    }

    /** The failed attempt as far as its last delivery measured it: a window from its start to that delivery. */
    private AttemptResult delivered(RunSpec spec, int attempt, LiveDelivery last, String error) {
        MeterReading energy = last.energy();
        Measurement window = new Measurement("delivered", last.startedAt(), last.at(),
                Duration.between(last.startedAt(), last.at()).toNanos() / 1e9, energy.cpuJoules(),
                energy.gpuJoules() > 0 ? Map.of("gpu", energy.gpuJoules()) : Map.of(), energy.ramJoules(),
                provenance(last, "cpu"), provenance(last, "gpu"), provenance(last, "ram"));
        ConfigReader in = new ConfigReader(config);
        CarbonSettings carbon = CarbonSettings.read(in, last.host());
        in.finish();
        WorkCounts work = new WorkCounts(last.progress().steps(), 0, last.progress().tokensReal(), last.progress().tokensPadded(), 0);
        MeteredRun run = new MeteredRun(spec, attempt, 0, new HostInfo(last.host(), "unknown", "none", List.of(), 0), window,
                Double.NaN, Double.NaN, Double.NaN, work, "none", Double.NaN, RunStatus.FAILED,
                error + " (energy, steps and tokens as of its last delivery, " + last.at() + ")", null, List.of(), List.of(),
                List.of(), provenance.forRun(null, RuntimeVersions.jvm()));
        return run.assemble(CarbonAccounting.withShippedTable(), carbon);
    }

    private static Provenance provenance(LiveDelivery delivery, String component) {
        return Provenance.ofLabel(delivery.provenance().getOrDefault(component, Provenance.ABSENT.label()));
    }
}
