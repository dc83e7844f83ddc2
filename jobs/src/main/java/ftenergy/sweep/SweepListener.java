package ftenergy.sweep;

import ftenergy.live.AttemptIdentity;
import ftenergy.plan.SweepPlan;
import ftenergy.run.AttemptResult;
import ftenergy.run.RunSpec;

/**
 * What a sweep tells as it runs: each change of its {@link SweepRun} state, the committer's
 * failures and a periodic summary. {@link SweepProgress} prints them. Called from the scheduler's
 * and the committer's threads.
 */
interface SweepListener {

    /** Launching starts: {@code pending} of the plan's runs are to run, on {@code slots} slots plus {@code queued} waiting. */
    void sweepStarted(SweepPlan plan, int skipped, int pending, int slots, int queued);

    /** Executors were added or lost: {@code slots} runs can run at once from now on. */
    void slotsChanged(int before, int slots);

    /** A run handed to Spark: it starts now, or as soon as a slot frees when {@code waitsForSlot}. */
    void runLaunched(RunSpec run, int attempt, boolean waitsForSlot);

    /** An attempt came back, whatever its status; the sweep has spent this much so far. */
    void runFinished(AttemptResult result, double spentKwh, double spentCo2Kg);

    /** A failed attempt's run goes back in line for another attempt. */
    void retryQueued();

    /** A run will not be launched in this submission, and why. */
    void notLaunched(RunSpec run, String reason);

    /** The periodic line: runs in flight and waiting, spending so far. */
    void summary(int running, int queued, double spentKwh, double spentCo2Kg);

    /** A newer submission claimed the sweep; {@code inFlight} runs are cancelled. */
    void takenOver(int inFlight);

    /** The committer could not record {@code result}; the next submission runs it again. */
    void commitFailed(AttemptResult result, RuntimeException error);

    /** Power samples an executor delivered could not be recorded; the attempt's energy in {@code runs} still counts them. */
    void samplesNotRecorded(AttemptIdentity attempt, int samples, RuntimeException error);

    /** Launching ended. */
    void sweepFinished(SweepOutcome outcome, double spentKwh, double spentCo2Kg);
}
