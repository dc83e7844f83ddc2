package ftenergy.sweep;

import ftenergy.lake.ClaimLostException;
import ftenergy.live.AttemptIdentity;
import ftenergy.plan.SweepPlan;
import ftenergy.run.HostInfo;
import ftenergy.run.RunRecord;
import ftenergy.run.AttemptResult;
import ftenergy.run.RunSpec;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One line per sweep event (run started, finished with status, kWh, CO2e and metric; commits that
 * failed) and a periodic summary with an ETA. Thread-safe: scheduler and committer both report.
 */
public final class SweepProgress implements SweepListener {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    private final Duration summaryInterval;
    private int slots = 1;
    private int total;
    private int started;
    private int finished;
    private double runSecondsTotal;

    public SweepProgress(PrintStream out, Duration summaryInterval) {
        this.out = out;
        this.summaryInterval = summaryInterval;
    }

    Duration summaryInterval() {
        return summaryInterval;
    }

    @Override
    public synchronized void sweepStarted(SweepPlan plan, int skipped, int pending, int slots, int queued) {
        total = pending;
        this.slots = Math.max(1, slots);
        line("sweep %s: %d runs planned, %d already done, %d to run on %d slot(s)%s",
                plan.sweepId(), plan.runs().size(), skipped, pending, slots,
                queued > 0 ? ", up to " + queued + " more waiting in Spark's queue" : "");
    }

    /** Executors were added or lost: {@code slots} runs can run at once from now on. */
    @Override
    public synchronized void slotsChanged(int before, int slots) {
        this.slots = Math.max(1, slots);
        line("sweep: %d slot(s) now, %d before (executors added or lost)", slots, before);
    }

    /** A run handed to Spark: it starts now, or as soon as a slot frees when {@code waitsForSlot}. */
    @Override
    public synchronized void runLaunched(RunSpec run, int attempt, boolean waitsForSlot) {
        started++;
        line("[%s %d, %d/%d done] %s %s %s %s attempt %d", waitsForSlot ? "queue" : "start", started, finished, total,
                run.runId(), run.kind().label(), run.task(), describe(run), attempt);
    }

    @Override
    public synchronized void runFinished(AttemptResult result, double spentKwh, double spentCo2Kg) {
        RunRecord run = result.run();
        finished++;
        runSecondsTotal += run.durationSeconds();
        line("[%d/%d] %-9s %s %s %s on %s (%s): %.1f s, %d steps, %.3g kWh, %.3g kg CO2e%s%s | sweep %.3g kWh",
                finished, total, run.status().label(), run.spec().runId(), run.spec().kind().label(), run.spec().task(),
                run.host().host(), devices(run.host()), run.durationSeconds(), run.work().steps(), run.energy().kwh(), run.energy().co2Kg(),
                metric(run), run.error() != null ? " (" + abbreviate(run.error()) + ")"
                        : run.stopReason() != null ? " (stopped early: " + run.stopReason() + ")" : "",
                spentKwh);
    }

    /** ", accuracy=0.8125", or nothing for an attempt that ended without an evaluation. */
    private static String metric(RunRecord run) {
        return Double.isNaN(run.metricValue()) ? "" : String.format(Locale.ROOT, ", %s=%.4f", run.metricName(), run.metricValue());
    }

    /** A failed attempt goes back in the queue: one more attempt to finish, so the count stays "k of all". */
    @Override
    public synchronized void retryQueued() {
        total++;
    }

    @Override
    public synchronized void notLaunched(RunSpec run, String reason) {
        line("skip   %s %s %s: %s", run.runId(), run.kind().label(), run.task(), reason);
    }

    @Override
    public synchronized void summary(int running, int queued, double spentKwh, double spentCo2Kg) {
        String eta = finished == 0 ? "unknown" : formatDuration(runSecondsTotal / finished * (running + queued) / slots);
        line("sweep: %d done, %d running, %d queued; %.3g kWh, %.3g kg CO2e so far; ETA %s",
                finished, running, queued, spentKwh, spentCo2Kg, eta);
    }

    @Override
    public synchronized void takenOver(int inFlight) {
        line("STOPPING: %s; cancelling %d run(s) in flight, launching nothing more", RunScheduler.TAKEN_OVER, inFlight);
    }

    @Override
    public synchronized void commitFailed(AttemptResult result, RuntimeException error) {
        if (error instanceof ClaimLostException) {
            line("NOT RECORDED run %s attempt %d: %s", result.run().spec().runId(), result.run().attempt(),
                    error.getMessage());
            return;
        }
        line("COMMIT FAILED for run %s attempt %d: %s (the run will be re-run by the next submission)",
                result.run().spec().runId(), result.run().attempt(), error.getMessage());
    }

    @Override
    public synchronized void samplesNotRecorded(AttemptIdentity attempt, int samples, RuntimeException error) {
        line("warning: %d power samples delivered by %s were not recorded: %s", samples, attempt, error.getMessage());
    }

    @Override
    public synchronized void sweepFinished(SweepOutcome outcome, double spentKwh, double spentCo2Kg) {
        line("sweep done: %d succeeded, %d failed, %d diverged, %d not launched, %d skipped as already done; "
                        + "%.3g kWh, %.3g kg CO2e",
                outcome.succeeded(), outcome.failed(), outcome.diverged(), outcome.notLaunched().size(),
                outcome.skippedAlreadyDone(), spentKwh, spentCo2Kg);
    }

    private static String describe(RunSpec run) {
        return String.format(Locale.ROOT, "%s lr=%.2g bs=%d ep=%d len=%d seed=%d", run.model().name(),
                run.hyperparameters().learningRate(), run.hyperparameters().batchSize(), run.hyperparameters().epochs(),
                run.hyperparameters().maxSeqLen(), run.seed());
    }

    /** The devices a run computed on: its GPUs, or the CPU threads of a CPU run. */
    private static String devices(HostInfo host) {
        if (!host.gpuIds().isEmpty()) {
            return "GPU " + String.join(",", host.gpuIds());
        }
        return host.cpuThreads() == 0 ? "CPU" : "CPU, " + host.cpuThreads() + " thread(s)";
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }

    private static String formatDuration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60) : String.format("%dm%02ds", s / 60, s % 60);
    }

    private void line(String format, Object... args) {
        out.println(LocalTime.now().format(CLOCK) + " " + String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
