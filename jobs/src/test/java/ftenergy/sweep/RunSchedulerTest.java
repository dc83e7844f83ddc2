package ftenergy.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.provenance.RuntimeVersions;
import ftenergy.attempt.SweepProvenance;
import ftenergy.run.EnergyParts;
import ftenergy.run.WorkCounts;
import ftenergy.lake.ClaimLostException;
import ftenergy.plan.SweepPlan;
import ftenergy.run.EnergyAccount;
import ftenergy.run.HostInfo;
import ftenergy.run.Hyperparameters;
import ftenergy.run.ModelSpec;
import ftenergy.run.RunKind;
import ftenergy.run.RunRecord;
import ftenergy.run.AttemptResult;
import ftenergy.run.RunSpec;
import ftenergy.run.RunStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class RunSchedulerTest {

    private static final SweepProvenance PROVENANCE = new SweepProvenance("v", "h", "tok", RuntimeVersions.jvm());

    private final List<AttemptResult> committed = Collections.synchronizedList(new ArrayList<>());
    private final List<String> launchOrder = Collections.synchronizedList(new ArrayList<>());
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private static RunSpec spec(String id, String... deps) {
        return new RunSpec(id, "s", RunKind.FINETUNE, "t", new ModelSpec("m", 1, 8, 1, 16, "scratch"),
                new Hyperparameters(1e-4, 2, 1, 0, 16, 0, 0, false), 1, 0, List.of(deps), null);
    }

    private static AttemptResult result(RunSpec spec, int attempt, RunStatus status, double kwh) {
        Instant now = Instant.now();
        EnergyAccount energy = new EnergyAccount(kwh, 0, 0, "estimated-tdp", "absent", "estimated-ram", 1, 1, "X", 500);
        return new AttemptResult(new RunRecord(spec, attempt, 1, new HostInfo("h", "c", "none", List.of(), 1), now, now,
                new WorkCounts(1, 1, 1, 1, 0), energy, EnergyParts.UNMEASURED, "accuracy", 0.5, status,
                status == RunStatus.SUCCEEDED ? null : "boom", null, PROVENANCE.forRun(null, RuntimeVersions.jvm())),
                List.of(), List.of(), List.of());
    }

    private SweepOutcome run(SweepPlan plan, SweepState state, int retries, SweepBudget budget,
            BiFunction<RunSpec, Integer, RunStatus> behaviour) throws InterruptedException {
        RunLauncher launcher = (spec, attempt) -> {
            launchOrder.add(spec.runId() + "#" + attempt);
            RunStatus status = behaviour.apply(spec, attempt);
            if (status == null) {
                throw new IllegalStateException("executor lost");
            }
            Instant now = Instant.now();
            return new RunLauncher.Launched(result(spec, attempt, status, 1.0), now, now);
        };
        RunScheduler scheduler = new RunScheduler(plan, state, launcher, committed::addAll,
                new RunScheduler.Options(RunSlots.fixed(2, 0), retries, budget, InFlightAttempts.none(PROVENANCE)),
                new SweepProgress(new PrintStream(log, true), Duration.ofSeconds(5)));
        return scheduler.run();
    }

    @Test
    void failedAttempt_isRecordedAndRetriedWithTheNextAttemptNumber() throws Exception {
        SweepPlan plan = new SweepPlan("s", List.of(spec("a"), spec("b")));
        SweepOutcome outcome = run(plan, SweepState.empty(), 1, SweepBudget.unlimited(),
                (spec, attempt) -> spec.runId().equals("a") && attempt == 1 ? null : RunStatus.SUCCEEDED);
        assertEquals(2, outcome.succeeded());
        assertEquals(3, committed.size());
        AttemptResult failed = committed.stream().filter(r -> r.run().status() == RunStatus.FAILED).findFirst().orElseThrow();
        assertEquals(1, failed.run().attempt());
        assertTrue(failed.run().error().contains("executor lost"));
        assertTrue(committed.stream().anyMatch(r -> r.run().spec().runId().equals("a") && r.run().attempt() == 2
                && r.run().status() == RunStatus.SUCCEEDED));
    }

    @Test
    void retriedAttempt_countsInTheProgressTotal() throws Exception {
        SweepPlan plan = new SweepPlan("s", List.of(spec("a"), spec("b")));
        run(plan, SweepState.empty(), 1, SweepBudget.unlimited(),
                (spec, attempt) -> spec.runId().equals("a") && attempt == 1 ? null : RunStatus.SUCCEEDED);
        String progress = log.toString();
        assertTrue(progress.contains("[3/3] "), progress);
        assertTrue(progress.contains("kg CO2e, accuracy=0.5000 | sweep"), "a success shows its metric: " + progress);
        assertFalse(progress.contains("NaN"), "a failed attempt, never evaluated, shows no metric: " + progress);
        java.util.regex.Matcher counts = java.util.regex.Pattern.compile("\\[(\\d+)/(\\d+)] ").matcher(progress);
        while (counts.find()) {
            assertTrue(Integer.parseInt(counts.group(1)) <= Integer.parseInt(counts.group(2)),
                    "a finished count ran past its total: " + progress);
        }
    }

    @Test
    void dependents_waitForTheirDependencyAndAreNotLaunchedWhenItFails() throws Exception {
        SweepPlan plan = new SweepPlan("s", List.of(spec("pre"), spec("ft", "pre"), spec("other")));
        SweepOutcome outcome = run(plan, SweepState.empty(), 0, SweepBudget.unlimited(),
                (spec, attempt) -> spec.runId().equals("pre") ? RunStatus.FAILED : RunStatus.SUCCEEDED);
        assertEquals(1, outcome.failed());
        assertEquals(1, outcome.notLaunched().size());
        assertTrue(outcome.notLaunched().get(0).startsWith("ft: dependency pre"), outcome.notLaunched().toString());
        assertTrue(!launchOrder.contains("ft#1"));
    }

    @Test
    void diverged_isFinalNotRetried() throws Exception {
        SweepPlan plan = new SweepPlan("s", List.of(spec("d")));
        SweepOutcome outcome = run(plan, SweepState.empty(), 3, SweepBudget.unlimited(), (spec, attempt) -> RunStatus.DIVERGED);
        assertEquals(1, outcome.diverged());
        assertEquals(List.of("d#1"), launchOrder);
    }

    @Test
    void resume_skipsSucceededAndNumbersAttemptsOnFromTheRecord() throws Exception {
        SweepPlan plan = new SweepPlan("s", List.of(spec("done"), spec("crashed", "done")));
        SweepState state = new SweepState(Set.of("done"), Set.of("done"), Map.of("done", 1, "crashed", 1), 1.0, 0.5);
        SweepOutcome outcome = run(plan, state, 0, SweepBudget.unlimited(), (spec, attempt) -> RunStatus.SUCCEEDED);
        assertEquals(1, outcome.skippedAlreadyDone());
        assertEquals(List.of("crashed#2"), launchOrder);
    }

    @Test
    void budget_stopsLaunchingOnceSpent() throws Exception {
        List<RunSpec> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            runs.add(spec("r" + i, i == 0 ? new String[0] : new String[] {"r" + (i - 1)}));
        }
        SweepOutcome outcome = run(new SweepPlan("s", runs), SweepState.empty(), 0, new SweepBudget(2.5, Double.NaN),
                (spec, attempt) -> RunStatus.SUCCEEDED);
        assertEquals(3, outcome.succeeded(), "each run spends 1 kWh: the third crosses 2.5");
        assertEquals(3, outcome.notLaunched().size());
        assertTrue(outcome.notLaunched().get(0).contains("energy budget spent"));
        assertTrue(!outcome.takenOver());
    }

    @Test
    void claimLost_stopsLaunchingAndCancelsWhatRuns() throws Exception {
        List<RunSpec> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            runs.add(spec("r" + i, i == 0 ? new String[0] : new String[] {"r" + (i - 1)}));
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        RunLauncher launcher = new RunLauncher() {
            @Override
            public Launched launch(RunSpec spec, int attempt) throws InterruptedException {
                launchOrder.add(spec.runId() + "#" + attempt);
                // r1 ends only once the committer has reported r0's refused commit (and so knows the claim is lost).
                while (!spec.runId().equals("r0") && !log.toString().contains("NOT RECORDED run r0")) {
                    Thread.sleep(10);
                }
                Instant now = Instant.now();
                return new Launched(result(spec, attempt, RunStatus.SUCCEEDED, 1.0), now, now);
            }

            @Override
            public void cancelAll() {
                cancelled.set(true);
            }
        };
        ResultSink refusing = results -> {
            // Refuses only once r1 is under way, so that the scheduler learns of the loss with a run in flight.
            while (!launchOrder.contains("r1#1")) {
                Thread.onSpinWait();
            }
            throw new ClaimLostException("s", 1, 2);
        };
        SweepOutcome outcome = new RunScheduler(new SweepPlan("s", runs), SweepState.empty(), launcher, refusing,
                new RunScheduler.Options(RunSlots.fixed(2, 0), 0, SweepBudget.unlimited(), InFlightAttempts.none(PROVENANCE)),
                new SweepProgress(new PrintStream(log, true), Duration.ofSeconds(5))).run();
        assertEquals(List.of("r0#1", "r1#1"), launchOrder);
        assertTrue(cancelled.get());
        assertEquals(List.of("r2: a newer submission took the sweep over", "r3: a newer submission took the sweep over",
                "r4: a newer submission took the sweep over", "r5: a newer submission took the sweep over",
                "r0: attempt 1 ended uncommitted, a newer submission took the sweep over",
                "r1: attempt 1 ended uncommitted, a newer submission took the sweep over"), outcome.notLaunched());
        assertEquals(0, outcome.succeeded(), "both successes were refused by the lakehouse");
        assertTrue(outcome.takenOver());
        assertTrue(log.toString().contains("claimed by a newer submission (generation 2"), log.toString());
    }

    @Test
    void claimLostWhileEveryRunIsLong_isNoticedAtASummaryAndCancelsThem() throws Exception {
        List<RunSpec> runs = List.of(spec("long"), spec("next", "long"));
        java.util.concurrent.CountDownLatch cancelled = new java.util.concurrent.CountDownLatch(1);
        RunLauncher launcher = new RunLauncher() {
            @Override
            public Launched launch(RunSpec spec, int attempt) throws InterruptedException {
                launchOrder.add(spec.runId() + "#" + attempt);
                cancelled.await(); // runs until cancelled, as a Spark job does
                throw new IllegalStateException("job cancelled");
            }

            @Override
            public void cancelAll() {
                cancelled.countDown();
            }
        };
        java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();
        ResultSink sink = new ResultSink() {
            @Override
            public void commit(List<AttemptResult> results) {
                committed.addAll(results);
            }

            @Override
            public void verifyClaim() {
                if (checks.incrementAndGet() >= 2) {
                    throw new ClaimLostException("s", 1, 2);
                }
            }
        };
        SweepOutcome outcome = new RunScheduler(new SweepPlan("s", runs), SweepState.empty(), launcher, sink,
                new RunScheduler.Options(RunSlots.fixed(1, 0), 3, SweepBudget.unlimited(), InFlightAttempts.none(PROVENANCE)),
                new SweepProgress(new PrintStream(log, true), Duration.ofMillis(50))).run();
        assertEquals(List.of("long#1"), launchOrder, "no retry, no dependent launched");
        assertEquals(0, committed.size(), "a cancelled attempt of a superseded submission is not committed");
        assertEquals(List.of("next: a newer submission took the sweep over",
                "long: attempt 1 ended uncommitted, a newer submission took the sweep over"), outcome.notLaunched());
        assertEquals(0, outcome.failed());
        assertTrue(outcome.takenOver());
    }

    @Test
    void queuedRuns_keepSlotsPlusQueuedRunsInFlight() throws Exception {
        List<RunSpec> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            runs.add(spec("r" + i));
        }
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger mostInFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch threeInFlight = new java.util.concurrent.CountDownLatch(3);
        RunLauncher launcher = (spec, attempt) -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            threeInFlight.countDown();
            // Ends once two slots' runs and one queued run were all handed over (or never, within the bound).
            threeInFlight.await(10, TimeUnit.SECONDS);
            inFlight.decrementAndGet();
            Instant now = Instant.now();
            return new RunLauncher.Launched(result(spec, attempt, RunStatus.SUCCEEDED, 1.0), now, now);
        };
        SweepOutcome outcome = new RunScheduler(new SweepPlan("s", runs), SweepState.empty(), launcher, committed::addAll,
                new RunScheduler.Options(RunSlots.fixed(2, 1), 0, SweepBudget.unlimited(), InFlightAttempts.none(PROVENANCE)),
                new SweepProgress(new PrintStream(log, true), Duration.ofSeconds(5))).run();
        assertEquals(6, outcome.succeeded());
        assertEquals(3, mostInFlight.get(), "two slots and one queued run");
        assertTrue(log.toString().contains("[queue 3, 0/6 done] r2"), log.toString());
    }

    @Test
    void executorsAddedWhileRunsRun_getRunsBeforeAnyRunFinishes() throws Exception {
        List<RunSpec> runs = List.of(spec("r0"), spec("r1"), spec("r2"));
        AtomicBoolean registered = new AtomicBoolean();
        RunSlots slots = new RunSlots() {
            @Override
            public int slots() {
                return registered.get() ? 2 : 1;
            }

            @Override
            public int queued(int slots) {
                return 0;
            }
        };
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger mostInFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch secondLaunched = new java.util.concurrent.CountDownLatch(1);
        RunLauncher launcher = (spec, attempt) -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            launchOrder.add(spec.runId() + "#" + attempt);
            if (spec.runId().equals("r0")) {
                registered.set(true); // a second executor registers while the first run runs
                secondLaunched.await(10, TimeUnit.SECONDS); // ends only once a second run is under way
            } else {
                secondLaunched.countDown();
            }
            inFlight.decrementAndGet();
            Instant now = Instant.now();
            return new RunLauncher.Launched(result(spec, attempt, RunStatus.SUCCEEDED, 1.0), now, now);
        };
        SweepOutcome outcome = new RunScheduler(new SweepPlan("s", runs), SweepState.empty(), launcher, committed::addAll,
                new RunScheduler.Options(slots, 0, SweepBudget.unlimited(), InFlightAttempts.none(PROVENANCE)),
                new SweepProgress(new PrintStream(log, true), Duration.ofMillis(100))).run();
        assertEquals(3, outcome.succeeded());
        assertEquals(2, mostInFlight.get(), "r1 launched on the new slot while r0 still ran");
        assertEquals(List.of("r0#1", "r1#1"), launchOrder.subList(0, 2));
        assertTrue(log.toString().contains("on 1 slot(s)"), log.toString());
        assertTrue(log.toString().contains("sweep: 2 slot(s) now, 1 before"), log.toString());
    }

    @Test
    void budgetSpent_cancelsTheRunsWaitingForASlotWithoutRecordingThem() throws Exception {
        List<RunSpec> runs = List.of(spec("r0"), spec("r1"), spec("r2"), spec("r3"));
        java.util.concurrent.CountDownLatch r1Launched = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch r1Cancelled = new java.util.concurrent.CountDownLatch(1);
        List<Set<String>> cancelAsked = Collections.synchronizedList(new ArrayList<>());
        RunLauncher launcher = new RunLauncher() {
            @Override
            public Launched launch(RunSpec spec, int attempt) throws Exception {
                launchOrder.add(spec.runId() + "#" + attempt);
                if (spec.runId().equals("r1")) {
                    r1Launched.countDown();
                    r1Cancelled.await(10, TimeUnit.SECONDS); // waits for a slot until cancelled
                    throw new RunNotStartedException("r1", new IllegalStateException("job group cancelled"));
                }
                r1Launched.await(); // r1 waits behind r0 before r0 ends and spends the budget
                Instant now = Instant.now();
                return new Launched(result(spec, attempt, RunStatus.SUCCEEDED, 1.0), now, now);
            }

            @Override
            public Set<String> cancelWaiting(Set<String> runIds) {
                cancelAsked.add(runIds);
                r1Cancelled.countDown();
                return runIds;
            }
        };
        SweepOutcome outcome = new RunScheduler(new SweepPlan("s", runs), SweepState.empty(), launcher, committed::addAll,
                new RunScheduler.Options(RunSlots.fixed(1, 1), 0, new SweepBudget(0.5, Double.NaN), InFlightAttempts.none(PROVENANCE)),
                new SweepProgress(new PrintStream(log, true), Duration.ofSeconds(5))).run();
        // Both are handed over at once, each on its own thread: either may reach the launcher first.
        assertEquals(List.of("r0#1", "r1#1"), launchOrder.stream().sorted().toList());
        assertEquals(List.of(Set.of("r1")), cancelAsked, "only the run in flight when the budget was spent");
        assertEquals(1, outcome.succeeded());
        assertEquals(0, outcome.failed(), "a run cancelled before it started is no failed attempt");
        assertEquals(List.of("r0"), committed.stream().map(r -> r.run().spec().runId()).toList());
        assertEquals(List.of("r2: energy budget spent", "r3: energy budget spent",
                "r1: energy budget spent (cancelled while waiting for a slot)"), outcome.notLaunched());
    }
}
