package ftenergy.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.attempt.SweepProvenance;
import ftenergy.config.LayeredConfig;
import ftenergy.live.AttemptIdentity;
import ftenergy.live.LiveDelivery;
import ftenergy.live.LiveProgress;
import ftenergy.meter.MeterReading;
import ftenergy.meter.PowerSample;
import ftenergy.plan.SweepPlan;
import ftenergy.provenance.RuntimeVersions;
import ftenergy.run.AttemptResult;
import ftenergy.run.EnergyAccount;
import ftenergy.run.EnergyParts;
import ftenergy.run.HostInfo;
import ftenergy.run.Hyperparameters;
import ftenergy.run.ModelSpec;
import ftenergy.run.RunKind;
import ftenergy.run.RunRecord;
import ftenergy.run.RunSpec;
import ftenergy.run.RunStatus;
import ftenergy.run.WorkCounts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nothing measured is lost: what executors deliver while their runs run reaches the tables once, and outlives a lost executor. */
class InFlightAttemptsTest {

    private static final SweepProvenance PROVENANCE = new SweepProvenance("v", "h", "tok", RuntimeVersions.jvm());
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final RunSpec RUN = new RunSpec("r1", "s", RunKind.FINETUNE, "t", new ModelSpec("m", 1, 8, 1, 16, "scratch"),
            new Hyperparameters(1e-4, 2, 1, 0, 16, 0, 0, false), 1, 0, List.of(), null);

    private final List<String> recorded = Collections.synchronizedList(new ArrayList<>());

    private InFlightAttempts inFlight() {
        InFlightAttempts inFlight = new InFlightAttempts("s", LayeredConfig.load(null, Map.of(), Map.of()), PROVENANCE);
        inFlight.recordSamplesWith((attempt, samples) -> samples.forEach(s -> recorded.add(attempt.attempt() + "@" + s.at())));
        return inFlight;
    }

    private static PowerSample sample(int second) {
        return new PowerSample(T0.plusSeconds(second), "cpu", "package-0", 10, 10.0 * second);
    }

    private static LiveDelivery delivery(String sweep, int attempt, long sequence, boolean last, List<PowerSample> samples,
            double joules, long steps) {
        return new LiveDelivery(new AttemptIdentity("r1", sweep, attempt), 0, sequence, last, "host-a", T0.plusSeconds(30 * sequence),
                T0, new MeterReading(T0.plusSeconds(30 * sequence), joules, 0, joules / 10, 10, 0, 1),
                Map.of("cpu", "estimated-tdp", "gpu", "absent", "ram", "estimated-ram"), samples, new LiveProgress(steps, 800, 1024, 34));
    }

    @Test
    void deliveredSamples_areRecordedOnce_andTheResultKeepsOnlyTheRest() {
        InFlightAttempts inFlight = inFlight();
        LiveDelivery first = delivery("s", 1, 1, false, List.of(sample(1), sample(2)), 20, 5);
        inFlight.accept(first);
        inFlight.accept(first); // sent again: not acknowledged in time
        inFlight.accept(delivery("other-sweep", 1, 1, false, List.of(sample(1)), 20, 5));
        assertEquals(List.of("1@" + T0.plusSeconds(1), "1@" + T0.plusSeconds(2)), recorded);
        AttemptResult result = result(1, List.of(sample(1), sample(2), sample(3)));
        assertEquals(List.of(sample(3)), inFlight.unrecorded(result).samples(), "the result keeps what no delivery carried");
        inFlight.accept(delivery("s", 1, 2, true, List.of(sample(3)), 30, 8));
        assertEquals(2, recorded.size(), "a delivery after the result is left to the result");
    }

    @Test
    void attemptWhoseExecutorDied_isRecordedWithItsLastDelivery() {
        InFlightAttempts inFlight = inFlight();
        inFlight.accept(delivery("s", 2, 1, false, List.of(sample(1)), 200, 5));
        inFlight.accept(delivery("s", 2, 2, false, List.of(sample(31)), 500, 12));
        AttemptResult failed = inFlight.failed(RUN, 2, T0, new IllegalStateException("executor lost"));
        RunRecord run = failed.run();
        assertEquals(RunStatus.FAILED, run.status());
        assertEquals(2, run.attempt());
        assertEquals((500 + 50) / 3.6e6, run.energy().kwh(), 1e-15, "cpu and ram joules of the last delivery");
        assertEquals("estimated-tdp", run.energy().cpuSource());
        assertEquals(12, run.work().steps());
        assertEquals(1024, run.work().tokensPadded());
        assertEquals("host-a", run.host().host());
        assertEquals(Duration.ofSeconds(60), Duration.between(run.startedAt(), run.endedAt()));
        assertTrue(run.error().contains("executor lost") && run.error().contains("last delivery"), run.error());
        assertTrue(failed.samples().isEmpty(), "its samples were recorded as they came");
        assertEquals(2, recorded.size());
        assertTrue(run.energy().co2Kg() > 0);
    }

    @Test
    void attemptThatDeliveredNothing_isRecordedAsUnmeasured() {
        AttemptResult failed = inFlight().failed(RUN, 1, T0, new IllegalStateException("job failed"));
        assertEquals(0, failed.run().energy().kwh());
        assertEquals("absent", failed.run().energy().cpuSource());
    }

    @Test
    void scheduler_recordsTheKilledAttemptWithItsDeliveredEnergy_andRetries() throws Exception {
        InFlightAttempts inFlight = inFlight();
        List<AttemptResult> committed = Collections.synchronizedList(new ArrayList<>());
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        RunLauncher launcher = (spec, attempt) -> {
            if (attempt == 1) {
                inFlight.accept(delivery("s", 1, 1, false, List.of(sample(1)), 300, 4));
                throw new IllegalStateException("executor lost");
            }
            return new RunLauncher.Launched(result(2, List.of(sample(1))), Instant.now(), Instant.now());
        };
        ResultSink sink = new ResultSink() {
            @Override
            public void commit(List<AttemptResult> results) {
                committed.addAll(results);
            }

            @Override
            public void appendSamples(AttemptIdentity attempt, List<PowerSample> samples) {
                delivered.add(attempt + ": " + samples.size());
            }
        };
        RunScheduler scheduler = new RunScheduler(new SweepPlan("s", List.of(RUN)), SweepState.empty(), launcher, sink,
                new RunScheduler.Options(RunSlots.fixed(1, 0), 1, SweepBudget.unlimited(), inFlight),
                new SweepProgress(new PrintStream(new ByteArrayOutputStream(), true), Duration.ofSeconds(5)));
        SweepOutcome outcome = scheduler.run();
        assertEquals(1, outcome.succeeded());
        assertEquals(List.of(RunStatus.FAILED, RunStatus.SUCCEEDED), committed.stream().map(r -> r.run().status()).toList());
        assertTrue(committed.get(0).run().energy().kwh() > 0, "the killed attempt's energy is counted");
        assertEquals(List.of(new AttemptIdentity("r1", "s", 1) + ": 1"), delivered);
        assertEquals(committed.get(0).run().energy().kwh() + committed.get(1).run().energy().kwh(), outcome.recordedKwh(), 1e-15,
                "the sweep's total includes the failed attempt");
    }

    private static AttemptResult result(int attempt, List<PowerSample> samples) {
        EnergyAccount energy = new EnergyAccount(1e-4, 0, 1e-5, "estimated-tdp", "absent", "estimated-ram", 1, 1, "USA", 380);
        RunRecord run = new RunRecord(RUN, attempt, 10, new HostInfo("host-a", "c", "none", List.of(), 1), T0,
                T0.plusSeconds(90), new WorkCounts(10, 20, 800, 1024, 0), energy, EnergyParts.UNMEASURED, "accuracy", 0.5,
                RunStatus.SUCCEEDED, null, null, PROVENANCE.forRun(null, RuntimeVersions.jvm()));
        return new AttemptResult(run, List.of(), samples, List.of());
    }
}
