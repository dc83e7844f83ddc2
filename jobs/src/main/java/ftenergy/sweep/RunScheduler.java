package ftenergy.sweep;

import ftenergy.attempt.SweepProvenance;
import ftenergy.plan.SweepPlan;
import ftenergy.run.AttemptResult;
import ftenergy.run.RunSpec;
import ftenergy.run.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
     * @param provenance recorded with attempts that failed to launch
     */
    public record Options(RunSlots slots, int retries, SweepBudget budget, SweepProvenance provenance) {}

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

    public SweepOutcome run() throws InterruptedException {
        Map<String, RunSpec> pending = new LinkedHashMap<>();
        Set<String> succeeded = new HashSet<>(state.succeeded());
        int skipped = 0;
        for (RunSpec run : plan.runs()) {
            if (state.succeeded().contains(run.runId()) || state.finished().contains(run.runId())) {
                skipped++;
            } else {
                pending.put(run.runId(), run);
            }
        }
        int slots = options.slots().slots();
        progress.sweepStarted(plan, skipped, pending.size(), slots, options.slots().queued(slots));
        Map<String, Integer> attempts = new HashMap<>(state.lastAttempt());
        Map<String, Integer> triesThisSweep = new HashMap<>();
        Set<String> deadEnds = new HashSet<>(state.finished());
        deadEnds.removeAll(state.succeeded());
        List<String> notLaunched = new ArrayList<>();
        int failed = 0;
        int diverged = 0;
        int ok = 0;
        double spentKwh = state.spentKwh();
        double spentCo2 = state.spentCo2Kg();
        Committer committer = new Committer(sink, progress);
        // One thread per run in flight; how many are in flight is bounded below.
        ExecutorService pool = Executors.newCachedThreadPool(daemon("ftenergy-run"));
        CompletionService<Finished> done = new ExecutorCompletionService<>(pool);
        Set<String> inFlight = new HashSet<>();
        long lastSummary = System.nanoTime();
        boolean takenOver = false;
        boolean budgetStopped = false;
        try {
            while (!pending.isEmpty() || !inFlight.isEmpty()) {
                if (!takenOver && committer.claimLost() != null) {
                    // A newer submission runs the sweep now and refuses this one's rows: stop, do not compete.
                    takenOver = true;
                    progress.takenOver(inFlight.size());
                    for (RunSpec run : pending.values()) {
                        notLaunched.add(run.runId() + ": " + TAKEN_OVER);
                        progress.notLaunched(run, TAKEN_OVER);
                    }
                    pending.clear();
                    launcher.cancelAll();
                }
                int nowSlots = options.slots().slots();
                if (nowSlots != slots) {
                    progress.slotsChanged(slots, nowSlots);
                    slots = nowSlots;
                }
                int maxInFlight = slots + options.slots().queued(slots);
                boolean budgetSpent = options.budget().exhaustedBy(spentKwh, spentCo2);
                if (budgetSpent && !budgetStopped) {
                    budgetStopped = true;
                    launcher.cancelWaiting(Set.copyOf(inFlight));
                }
                for (Iterator<RunSpec> it = pending.values().iterator(); it.hasNext() && inFlight.size() < maxInFlight; ) {
                    RunSpec run = it.next();
                    String blocker = blockedBy(run, deadEnds);
                    if (blocker != null || budgetSpent) {
                        String reason = budgetSpent ? BUDGET_SPENT : "dependency " + blocker + " did not succeed";
                        notLaunched.add(run.runId() + ": " + reason);
                        deadEnds.add(run.runId());
                        progress.notLaunched(run, reason);
                        it.remove();
                        continue;
                    }
                    if (!succeeded.containsAll(run.dependsOn())) {
                        continue;
                    }
                    it.remove();
                    int attempt = attempts.merge(run.runId(), 1, Integer::sum);
                    triesThisSweep.merge(run.runId(), 1, Integer::sum);
                    progress.runLaunched(run, attempt, inFlight.size() >= slots);
                    done.submit(() -> launchSafely(run, attempt));
                    inFlight.add(run.runId());
                }
                if (inFlight.isEmpty()) {
                    // Nothing runs and nothing left can start: its dependencies are outside this plan.
                    for (RunSpec run : pending.values()) {
                        notLaunched.add(run.runId() + ": dependencies " + run.dependsOn() + " never succeeded");
                        progress.notLaunched(run, "dependencies never succeeded");
                    }
                    pending.clear();
                    continue;
                }
                long summaryMillis = progress.summaryInterval().toMillis();
                Future<Finished> next = done.poll(Math.min(summaryMillis, SLOTS_RECHECK_MILLIS), TimeUnit.MILLISECONDS);
                if (next == null) {
                    if (System.nanoTime() - lastSummary >= summaryMillis * 1_000_000) {
                        lastSummary = System.nanoTime();
                        progress.summary(inFlight.size(), pending.size(), spentKwh, spentCo2);
                        committer.verifyClaim();
                    }
                    continue;
                }
                Finished finished = get(next);
                RunSpec run = finished.spec();
                inFlight.remove(run.runId());
                if (finished.launched() == null) {
                    // Cancelled while it waited for a slot: it never ran, and its attempt number stays free.
                    attempts.merge(run.runId(), -1, Integer::sum);
                    triesThisSweep.merge(run.runId(), -1, Integer::sum);
                    String reason = BUDGET_SPENT + " (cancelled while waiting for a slot)";
                    notLaunched.add(run.runId() + ": " + reason);
                    deadEnds.add(run.runId());
                    progress.notLaunched(run, reason);
                    continue;
                }
                AttemptResult result = finished.launched().result();
                spentKwh += result.run().energy().kwh();
                spentCo2 += result.run().energy().co2Kg();
                RunStatus status = result.run().status();
                if (takenOver) {
                    // Its rows would be refused; the newer submission runs it again.
                    notLaunched.add(uncommitted(run.runId(), finished.attempt()));
                    continue;
                }
                if (status == RunStatus.SUCCEEDED) {
                    succeeded.add(run.runId());
                    ok++;
                } else if (status == RunStatus.DIVERGED) {
                    deadEnds.add(run.runId());
                    diverged++;
                } else if (triesThisSweep.get(run.runId()) <= options.retries()) {
                    progress.retryQueued();
                    pending.put(run.runId(), run); // retried with the next attempt number
                } else {
                    deadEnds.add(run.runId());
                    failed++;
                }
                // After the retry decision, so a retried attempt's line already counts the retry.
                progress.runFinished(result, spentKwh, spentCo2);
                Instant taskFinished = finished.launched().taskFinishedAt();
                // A launch that failed never ran a task: its failure is known from when it reached the driver.
                committer.submit(result, taskFinished != null ? taskFinished : Instant.now());
            }
        } finally {
            pool.shutdownNow();
            committer.close();
        }
        for (AttemptResult refused : committer.refused()) {
            // Counted when it finished, before the lakehouse refused it: not this submission's result after all.
            RunStatus status = refused.run().status();
            ok -= status == RunStatus.SUCCEEDED ? 1 : 0;
            diverged -= status == RunStatus.DIVERGED ? 1 : 0;
            notLaunched.add(uncommitted(refused.run().spec().runId(), refused.run().attempt()));
        }
        List<Double> launchSeconds = launcher.launchLatencies().stream().map(latency -> latency.toNanos() / 1e9).toList();
        SweepOutcome outcome = new SweepOutcome(ok, skipped, failed, diverged, notLaunched, committer.latencies(), launchSeconds,
                committer.recordedKwh(), committer.recordedCo2Kg(), committer.claimLost() != null);
        progress.sweepFinished(outcome, spentKwh, spentCo2);
        return outcome;
    }

    private Finished launchSafely(RunSpec run, int attempt) {
        Instant requested = Instant.now();
        try {
            return new Finished(run, attempt, launcher.launch(run, attempt));
        } catch (RunNotStartedException e) {
            return new Finished(run, attempt, null);
        } catch (Exception e) {
            return new Finished(run, attempt, new RunLauncher.Launched(
                    FailedAttempts.of(run, attempt, requested, e, options.provenance()), null, null));
        }
    }

    private static String uncommitted(String runId, int attempt) {
        return runId + ": attempt " + attempt + " ended uncommitted, " + TAKEN_OVER;
    }

    private static String blockedBy(RunSpec run, Set<String> deadEnds) {
        for (String dependency : run.dependsOn()) {
            if (deadEnds.contains(dependency)) {
                return dependency;
            }
        }
        return null;
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
