package ftenergy.sweep;

import ftenergy.plan.SweepPlan;
import ftenergy.run.AttemptResult;
import ftenergy.run.RunSpec;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Launches a sweep's runs, each as soon as the runs it depends on have succeeded, at most
 * {@code slots + queued} at once (asked again before each launch, as executors come and go): runs
 * beyond the free slots wait in the launcher's queue (Spark's), so a slot that frees starts its
 * next run without a round trip to this driver. Retries failed
 * attempts; once the energy budget is spent, launches nothing more and cancels the runs still
 * waiting for a slot; hands every finished attempt to one committer thread as
 * it arrives, so a killed driver loses at most the runs in flight. Once a newer submission has
 * claimed the sweep (a commit is refused, or the check at each progress summary says so), launches
 * nothing more and cancels what runs.
 */
public final class RunScheduler {

    static final String TAKEN_OVER = "a newer submission took the sweep over";

    private static final String BUDGET_SPENT = "energy budget spent";

    /** How often the slots are asked again while no run finishes: executors added meanwhile get runs this soon. */
    private static final long SLOTS_RECHECK_MILLIS = 5_000;

    /**
     * Scheduler settings.
     *
     * @param slots runs that can run at once, and how many more are handed to the launcher to wait
     *     for a slot
     * @param retries extra attempts for a failed run
     * @param budget stops launching once spent
     * @param inFlight the attempts in flight as their executors deliver them: records failed launches
     *     with what they delivered, and keeps delivered power samples out of results
     */
    record Options(RunSlots slots, int retries, SweepBudget budget, InFlightAttempts inFlight) {}

    private final SweepPlan plan;
    private final SweepState state;
    private final RunLauncher launcher;
    private final ResultSink sink;
    private final Options options;
    private final SweepProgress progress;

    public RunScheduler(SweepPlan plan, SweepState state, RunLauncher launcher, ResultSink sink, Options options,
            SweepProgress progress) {
        this.plan = plan;
        this.state = state;
        this.launcher = launcher;
        this.sink = sink;
        this.options = options;
        this.progress = progress;
    }

    /** An attempt back from its launcher; {@code launched} is null when it was cancelled before it started. */
    private record Finished(RunSpec spec, int attempt, RunLauncher.Launched launched) {}

    /**
     * Runs the plan to its end: each round takes over or stops for the budget if it must, launches
     * what can run, then waits for the next attempt to come back (or for the next summary or slot
     * check) and records it.
     */
    public SweepOutcome run() throws InterruptedException {
        SweepRun sweep = new SweepRun(plan, state, options.retries(), progress);
        int slots = options.slots().slots();
        progress.sweepStarted(plan, sweep.skipped(), sweep.pendingCount(), slots, options.slots().queued(slots));
        Committer committer = new Committer(sink, progress);
        options.inFlight().recordSamplesWith(committer::submitSamples);
        // One thread per run in flight; how many are in flight is bounded by the slots.
        ExecutorService pool = Executors.newCachedThreadPool(daemon("ftenergy-run"));
        CompletionService<Finished> done = new ExecutorCompletionService<>(pool);
        Rounds rounds = new Rounds(slots);
        try {
            while (!sweep.done()) {
                takeOverIfClaimLost(sweep, committer);
                launch(sweep, done, rounds);
                if (sweep.inFlightCount() == 0) {
                    sweep.abandonUnreachable();
                    continue;
                }
                Finished finished = next(done, sweep, committer, rounds);
                if (finished != null) {
                    record(finished, sweep, committer);
                }
            }
        } finally {
            pool.shutdownNow();
            committer.close();
        }
        sweep.refused(committer.refused(), TAKEN_OVER);
        List<Double> launchSeconds = launcher.launchLatencies().stream().map(latency -> latency.toNanos() / 1e9).toList();
        SweepOutcome outcome = sweep.outcome(committer.latencies(), launchSeconds, committer.recordedKwh(),
                committer.recordedCo2Kg(), committer.claimLost() != null);
        progress.sweepFinished(outcome, sweep.spentKwh(), sweep.spentCo2Kg());
        return outcome;
    }

    /** What the rounds carry from one to the next: the slots last seen, the budget's stop, the last summary. */
    private static final class Rounds {
        int slots;
        boolean budgetStopped;
        long lastSummaryNanos = System.nanoTime();

        Rounds(int slots) {
            this.slots = slots;
        }
    }

    /** A newer submission runs the sweep now and refuses this one's rows: stop, do not compete. */
    private void takeOverIfClaimLost(SweepRun sweep, Committer committer) {
        if (!sweep.takenOver() && committer.claimLost() != null) {
            sweep.takeOver(TAKEN_OVER);
            launcher.cancelAll();
        }
    }

    /** Launches what can run, up to the slots asked for now plus the queued runs; past the budget, launches nothing more. */
    private void launch(SweepRun sweep, CompletionService<Finished> done, Rounds rounds) {
        int nowSlots = options.slots().slots();
        if (nowSlots != rounds.slots) {
            progress.slotsChanged(rounds.slots, nowSlots);
            rounds.slots = nowSlots;
        }
        boolean budgetSpent = options.budget().exhaustedBy(sweep.spentKwh(), sweep.spentCo2Kg());
        if (budgetSpent && !rounds.budgetStopped) {
            rounds.budgetStopped = true;
            launcher.cancelWaiting(sweep.inFlight());
        }
        int running = sweep.inFlightCount();
        int room = rounds.slots + options.slots().queued(rounds.slots) - running;
        for (SweepRun.Launch launch : sweep.launch(Math.max(0, room), budgetSpent ? BUDGET_SPENT : null)) {
            progress.runLaunched(launch.run(), launch.attempt(), running++ >= rounds.slots);
            done.submit(() -> launchSafely(launch.run(), launch.attempt()));
        }
    }

    /**
     * The next attempt back, or null when none came back before the next summary or slot check is
     * due (the summary is printed and the claim verified then).
     */
    private Finished next(CompletionService<Finished> done, SweepRun sweep, Committer committer, Rounds rounds)
            throws InterruptedException {
        long summaryMillis = progress.summaryInterval().toMillis();
        Future<Finished> next = done.poll(Math.min(summaryMillis, SLOTS_RECHECK_MILLIS), TimeUnit.MILLISECONDS);
        if (next != null) {
            return get(next);
        }
        if (System.nanoTime() - rounds.lastSummaryNanos >= summaryMillis * 1_000_000) {
            rounds.lastSummaryNanos = System.nanoTime();
            progress.summary(sweep.inFlightCount(), sweep.pendingCount(), sweep.spentKwh(), sweep.spentCo2Kg());
            committer.verifyClaim();
        }
        return null;
    }

    /** Records an attempt that came back and hands its result to the committer. */
    private void record(Finished finished, SweepRun sweep, Committer committer) {
        if (finished.launched() == null) {
            sweep.cancelledBeforeStart(finished.spec(), BUDGET_SPENT + " (cancelled while waiting for a slot)");
            return;
        }
        AttemptResult result = options.inFlight().unrecorded(finished.launched().result());
        if (sweep.finished(result, TAKEN_OVER)) {
            Instant taskFinished = finished.launched().taskFinishedAt();
            // A launch that failed never ran a task: its failure is known from when it reached the driver.
            committer.submit(result, taskFinished != null ? taskFinished : Instant.now());
        }
    }

    private Finished launchSafely(RunSpec run, int attempt) {
        Instant requested = Instant.now();
        try {
            return new Finished(run, attempt, launcher.launch(run, attempt));
        } catch (RunNotStartedException e) {
            return new Finished(run, attempt, null);
        } catch (Exception e) {
            return new Finished(run, attempt, new RunLauncher.Launched(
                    options.inFlight().failed(run, attempt, requested, e), null, null));
        }
    }

    private static Finished get(Future<Finished> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // launchSafely catches everything a launch throws; anything else is a bug here.
            throw new IllegalStateException("scheduler task failed", e.getCause());
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
