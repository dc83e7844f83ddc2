package ftenergy.attempt;

import ftenergy.live.LiveAttempt;
import ftenergy.meter.EnergyMeter;
import ftenergy.run.RunSpec;
import ftenergy.run.StepRecord;
import ftenergy.train.TrainingObserver;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Watches a training run and meters its parts as windows of their own, each read fresh at both
 * edges: {@code setup} from the run's start to its training loop, every evaluation pass, every
 * checkpoint write. Also the run's progress: each step's tokens to the {@link LiveAttempt}, and a
 * step line every few seconds. Called on the training thread.
 */
final class PartWindows implements TrainingObserver {

    private static final long PROGRESS_INTERVAL_NANOS = 5_000_000_000L;
    private static final String SETUP = "setup";
    private static final String EVALUATION = "evaluation";
    private static final String CHECKPOINT = "checkpoint";

    private final EnergyMeter meter;
    private final LiveAttempt live;
    private final RunSpec spec;
    private final Consumer<String> progress;
    /** NaN until the training loop starts: a run that never reached it spent everything on setup. */
    private double setupJoules = Double.NaN;
    private double evaluationJoules;
    private double checkpointJoules;
    private boolean evaluating;
    private boolean checkpointing;
    private long lastPrintNanos;

    /** Opens the setup window; the caller has opened the run's. */
    PartWindows(EnergyMeter meter, LiveAttempt live, RunSpec spec, Consumer<String> progress) {
        this.meter = meter;
        this.live = live;
        this.spec = spec;
        this.progress = progress;
        meter.begin(SETUP);
    }

    @Override
    public double joulesSoFar() {
        return meter.joulesSoFar();
    }

    @Override
    public void trainingStarts() {
        setupJoules = meter.end(SETUP).totalJoules();
    }

    @Override
    public void evaluationStarts() {
        meter.begin(EVALUATION);
        evaluating = true;
    }

    @Override
    public void evaluationEnds() {
        evaluating = false;
        evaluationJoules += meter.end(EVALUATION).totalJoules();
    }

    @Override
    public void checkpointStarts() {
        meter.begin(CHECKPOINT);
        checkpointing = true;
    }

    @Override
    public void checkpointEnds() {
        checkpointing = false;
        checkpointJoules += meter.end(CHECKPOINT).totalJoules();
    }

    @Override
    public void onStep(StepRecord step) {
        live.stepEnded(step.tokensReal(), step.tokensPadded(), step.stepSeconds());
        // A line every few seconds: enough to watch a run, not a line per step.
        long now = System.nanoTime();
        if (now - lastPrintNanos < PROGRESS_INTERVAL_NANOS && step.step() > 1) {
            return;
        }
        lastPrintNanos = now;
        progress.accept(String.format(Locale.ROOT, "run %s step %d epoch %d loss %.4f lr %.2e %.0f tokens/s %.1f W",
                spec.runId(), step.step(), step.epoch(), step.loss(), step.learningRate(),
                step.tokensPadded() / Math.max(step.stepSeconds(), 1e-9),
                step.energyJoules() / Math.max(step.stepSeconds(), 1e-9)));
    }

    /** Ends the windows a failure left open, counting what they measured in their parts. */
    void close() {
        if (Double.isNaN(setupJoules)) {
            trainingStarts();
        }
        if (evaluating) {
            evaluationEnds();
        }
        if (checkpointing) {
            checkpointEnds();
        }
    }

    /** The setup window's joules (to the training loop, or to the failure that ended the run before it). */
    double setupJoules() {
        return setupJoules;
    }

    double evaluationJoules() {
        return evaluationJoules;
    }

    double checkpointJoules() {
        return checkpointJoules;
    }
}
