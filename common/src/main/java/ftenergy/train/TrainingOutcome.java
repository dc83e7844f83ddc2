package ftenergy.train;

import ftenergy.run.EvalPoint;
import ftenergy.run.RunStatus;
import ftenergy.run.StepRecord;
import java.util.List;

/**
 * What one run did, as the executor fills {@code RunRecord} from it. A failed or diverged run
 * still reports the steps it took (their energy was spent).
 *
 * @param modelParams parameters of the trained (or measured) model; 0 if it was never built
 * @param steps optimisation steps taken (inference: forward passes)
 * @param examples examples processed, counting repeats across epochs
 * @param tokensReal non-padding tokens processed
 * @param tokensPadded tokens processed including dynamic padding
 * @param tokensEvaluated tokens (padding included) of every evaluation pass
 * @param metricName headline metric: accuracy, f1 (token classification, span QA), mlm_loss
 * @param metricValue its last value; NaN if never evaluated
 * @param status succeeded, failed or diverged
 * @param error what went wrong (exception class and message), or {@code null}
 * @param stopReason why training ended before its planned steps, or {@code null}
 * @param stepRecords one record per step, in order
 * @param evals every evaluation, in step order
 */
public record TrainingOutcome(
        long modelParams,
        long steps,
        long examples,
        long tokensReal,
        long tokensPadded,
        long tokensEvaluated,
        String metricName,
        double metricValue,
        RunStatus status,
        String error,
        String stopReason,
        List<StepRecord> stepRecords,
        List<EvalPoint> evals) {

    public TrainingOutcome {
        stepRecords = List.copyOf(stepRecords);
        evals = List.copyOf(evals);
    }
}
