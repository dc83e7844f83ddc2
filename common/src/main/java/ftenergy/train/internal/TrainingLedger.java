package ftenergy.train.internal;

import ftenergy.meter.EnergyUnit;
import ftenergy.data.Batch;
import ftenergy.predict.Metric;
import ftenergy.run.EvalPoint;
import ftenergy.run.RunStatus;
import ftenergy.run.StepRecord;
import ftenergy.train.TrainingObserver;
import ftenergy.train.TrainingOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a run has done so far: its step and eval rows, token counts and last metric. Kept
 * outside the training code so a run that fails or diverges still reports the work it did.
 */
public final class TrainingLedger {

    private final TrainingObserver observer;
    private final List<StepRecord> steps = new ArrayList<>();
    private final List<EvalPoint> evals = new ArrayList<>();
    private long examples;
    private long tokensReal;
    private long tokensPadded;
    private long tokensEvaluated;
    private long modelParams;
    private String metricName;
    private double metricValue = Double.NaN;
    private String stopReason;

    /** A ledger reporting to {@code observer}, headlining {@code metricName} until an evaluation names one. */
    public TrainingLedger(TrainingObserver observer, String metricName) {
        this.observer = observer;
        this.metricName = metricName;
    }

    /** The meter's reading now, in joules (NaN without a meter). */
    public double joules() {
        return observer.joulesSoFar();
    }

    /** Tells the observer the training loop starts: what the run did before was setup. */
    public void trainingStarts() {
        observer.trainingStarts();
    }

    /** Records the model's parameter count. */
    public void modelParams(long count) {
        modelParams = count;
    }

    /** Steps recorded so far. */
    public long stepCount() {
        return steps.size();
    }

    /**
     * Records a finished step and tells the observer.
     *
     * @param joulesBefore the meter's reading right before the step
     */
    public StepRecord step(int epoch, Batch batch, double loss, double learningRate, long nanos, double joulesBefore) {
        StepRecord record = new StepRecord(steps.size() + 1, epoch, batch.size(), batch.seqLen(), batch.tokensReal(),
                batch.tokensPadded(), loss, learningRate, nanos / 1e9, joules() - joulesBefore, Instant.now());
        steps.add(record);
        examples += batch.size();
        tokensReal += batch.tokensReal();
        tokensPadded += batch.tokensPadded();
        observer.onStep(record);
        return record;
    }

    /** Tells the observer an evaluation pass starts. */
    public void evaluationStarts() {
        observer.evaluationStarts();
    }

    /**
     * Records an evaluation pass over {@code batches} at the current step, with its metrics; the
     * first metric is the headline.
     */
    public void eval(List<Batch> batches, List<Metric> metrics) {
        observer.evaluationEnds();
        for (Batch batch : batches) {
            tokensEvaluated += batch.tokensPadded();
        }
        double kwh = EnergyUnit.joulesToKwh(joules());
        for (Metric metric : metrics) {
            EvalPoint point = new EvalPoint(steps.size(), metric.name(), metric.value(), kwh, Double.NaN);
            evals.add(point);
            observer.onEval(point);
        }
        if (!metrics.isEmpty()) {
            metricName = metrics.get(0).name();
            metricValue = metrics.get(0).value();
        }
    }

    /** Runs {@code write} as the run's checkpoint write, telling the observer where it starts and ends. */
    public void checkpoint(Runnable write) {
        observer.checkpointStarts();
        try {
            write.run();
        } finally {
            observer.checkpointEnds();
        }
    }

    /** Records that training ended before its planned steps, and why. */
    public void stoppedEarly(String reason) {
        stopReason = reason;
    }

    /** The run's outcome with this status; the metric is the last one evaluated, whatever the status. */
    public TrainingOutcome outcome(RunStatus status, String error) {
        return new TrainingOutcome(modelParams, steps.size(), examples, tokensReal, tokensPadded, tokensEvaluated, metricName,
                metricValue, status, error, stopReason, steps, evals);
    }
}
