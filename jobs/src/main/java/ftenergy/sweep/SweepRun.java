package ftenergy.sweep;

import ftenergy.plan.SweepPlan;
import ftenergy.run.AttemptResult;
import ftenergy.run.RunSpec;
import ftenergy.run.RunStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one submission of a sweep while it launches runs: which runs wait, run, succeeded
 * or ended for good, their attempt numbers, what was left unlaunched and why, and the energy spent.
 * The scheduler's steps change it through its methods, on the scheduler's thread only; each change
 * is told to the listener.
 */
final class SweepRun {

    private final SweepListener listener;
    private final int retries;
    /** Runs still to launch, in plan order; a failed attempt's run comes back here. */
    private final Map<String, RunSpec> pending = new LinkedHashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private final Set<String> succeeded;
    /** Runs that ended for good without succeeding, or can never run: their dependants cannot run either. */
    private final Set<String> deadEnds;
    private final Map<String, Integer> attempts;
    private final Map<String, Integer> triesThisSweep = new HashMap<>();
    private final List<String> notLaunched = new ArrayList<>();
    private final int skipped;
    private int ok;
    private int failed;
    private int diverged;
    private double spentKwh;
    private double spentCo2Kg;
    private boolean takenOver;

    /** The runs of {@code plan} that {@code before} does not already hold as finished are pending. */
    SweepRun(SweepPlan plan, SweepState before, int retries, SweepListener listener) {
        this.listener = listener;
        this.retries = retries;
        this.succeeded = new HashSet<>(before.succeeded());
        this.attempts = new HashMap<>(before.lastAttempt());
        this.deadEnds = new HashSet<>(before.finished());
        deadEnds.removeAll(before.succeeded());
        this.spentKwh = before.spentKwh();
        this.spentCo2Kg = before.spentCo2Kg();
        int done = 0;
        for (RunSpec run : plan.runs()) {
            if (before.succeeded().contains(run.runId()) || before.finished().contains(run.runId())) {
                done++;
            } else {
                pending.put(run.runId(), run);
            }
        }
        this.skipped = done;
    }

    int skipped() {
        return skipped;
    }

    int pendingCount() {
        return pending.size();
    }

    int inFlightCount() {
        return inFlight.size();
    }

    Set<String> inFlight() {
        return Set.copyOf(inFlight);
    }

    boolean done() {
        return pending.isEmpty() && inFlight.isEmpty();
    }

    boolean takenOver() {
        return takenOver;
    }

    double spentKwh() {
        return spentKwh;
    }

    double spentCo2Kg() {
        return spentCo2Kg;
    }

    /**
     * The runs to launch now, at most {@code room}, each numbered with its next attempt and counted
     * in flight. Runs whose dependency ended for good, and every run once {@code budgetReason} is
     * set, are left unlaunched; runs whose dependencies have not succeeded yet wait.
     */
    List<Launch> launch(int room, String budgetReason) {
        List<Launch> launches = new ArrayList<>();
        for (Iterator<RunSpec> it = pending.values().iterator(); it.hasNext() && launches.size() < room; ) {
            RunSpec run = it.next();
            String blocker = blockedBy(run);
            if (blocker != null || budgetReason != null) {
                it.remove();
                leaveUnlaunched(run, budgetReason != null ? budgetReason : "dependency " + blocker + " did not succeed");
                continue;
            }
            if (!succeeded.containsAll(run.dependsOn())) {
                continue;
            }
            it.remove();
            int attempt = attempts.merge(run.runId(), 1, Integer::sum);
            triesThisSweep.merge(run.runId(), 1, Integer::sum);
            inFlight.add(run.runId());
            launches.add(new Launch(run, attempt));
        }
        return launches;
    }

    /** An attempt to hand to the launcher. */
    record Launch(RunSpec run, int attempt) {}

    /** Nothing runs and nothing pending can start: its dependencies are outside this plan. Leaves them all. */
    void abandonUnreachable() {
        for (RunSpec run : pending.values()) {
            notLaunched.add(run.runId() + ": dependencies " + run.dependsOn() + " never succeeded");
            listener.notLaunched(run, "dependencies never succeeded");
        }
        pending.clear();
    }

    /** A newer submission claimed the sweep: nothing pending is launched here any more. */
    void takeOver(String reason) {
        takenOver = true;
        listener.takenOver(inFlight.size());
        for (RunSpec run : pending.values()) {
            notLaunched.add(run.runId() + ": " + reason);
            listener.notLaunched(run, reason);
        }
        pending.clear();
    }

    /** An attempt cancelled while it waited for a slot: it never ran, and its attempt number stays free. */
    void cancelledBeforeStart(RunSpec run, String reason) {
        inFlight.remove(run.runId());
        attempts.merge(run.runId(), -1, Integer::sum);
        triesThisSweep.merge(run.runId(), -1, Integer::sum);
        deadEnds.add(run.runId());
        leaveUnlaunched(run, reason);
    }

    /**
     * An attempt came back: its energy counts as spent whatever its status; a success unblocks its
     * dependants, a divergence is final, a failure goes back in line while retries are left.
     *
     * @return whether its rows are to be committed: not once the sweep was taken over (they would be refused)
     */
    boolean finished(AttemptResult result, String uncommittedReason) {
        RunSpec run = result.run().spec();
        inFlight.remove(run.runId());
        spentKwh += result.run().energy().kwh();
        spentCo2Kg += result.run().energy().co2Kg();
        if (takenOver) {
            notLaunched.add(run.runId() + ": attempt " + result.run().attempt() + " ended uncommitted, " + uncommittedReason);
            return false;
        }
        RunStatus status = result.run().status();
        if (status == RunStatus.SUCCEEDED) {
            succeeded.add(run.runId());
            ok++;
        } else if (status == RunStatus.DIVERGED) {
            deadEnds.add(run.runId());
            diverged++;
        } else if (triesThisSweep.get(run.runId()) <= retries) {
            listener.retryQueued();
            pending.put(run.runId(), run);
        } else {
            deadEnds.add(run.runId());
            failed++;
        }
        // After the retry decision, so a retried attempt's line already counts the retry.
        listener.runFinished(result, spentKwh, spentCo2Kg);
        return true;
    }

    /** Results the lakehouse refused after they were counted: not this submission's after all. */
    void refused(List<AttemptResult> refused, String reason) {
        for (AttemptResult result : refused) {
            RunStatus status = result.run().status();
            ok -= status == RunStatus.SUCCEEDED ? 1 : 0;
            diverged -= status == RunStatus.DIVERGED ? 1 : 0;
            notLaunched.add(result.run().spec().runId() + ": attempt " + result.run().attempt() + " ended uncommitted, " + reason);
        }
    }

    /** How the submission ended, with the committer's figures. */
    SweepOutcome outcome(List<Double> commitSeconds, List<Double> launchSeconds, double recordedKwh, double recordedCo2Kg,
            boolean claimLost) {
        return new SweepOutcome(ok, skipped, failed, diverged, notLaunched, commitSeconds, launchSeconds, recordedKwh,
                recordedCo2Kg, claimLost);
    }

    private void leaveUnlaunched(RunSpec run, String reason) {
        notLaunched.add(run.runId() + ": " + reason);
        deadEnds.add(run.runId());
        listener.notLaunched(run, reason);
    }

    private String blockedBy(RunSpec run) {
        for (String dependency : run.dependsOn()) {
            if (deadEnds.contains(dependency)) {
                return dependency;
            }
        }
        return null;
    }
}
