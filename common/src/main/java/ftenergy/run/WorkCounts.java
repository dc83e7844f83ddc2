package ftenergy.run;

import java.io.Serializable;

/**
 * How much work a run did: what its energy is fitted against.
 *
 * @param steps optimisation steps taken (inference: forward passes, one per batch, every pass's)
 * @param examples examples processed, counting repeats across epochs (inference: across passes)
 * @param tokensReal non-padding tokens processed
 * @param tokensPadded tokens processed including dynamic padding, i.e. what the model computed on
 * @param tokensEvaluated tokens (padding included) of every evaluation pass the run made; 0 for none
 * @param passes inference: passes over the evaluation examples, repeated until the measurement
 *     spanned enough meter samples; 0 for runs that do not repeat (training runs count epochs)
 */
public record WorkCounts(long steps, long examples, long tokensReal, long tokensPadded, long tokensEvaluated, int passes)
        implements Serializable {

    /** No work: an attempt that never started. */
    public static final WorkCounts NONE = new WorkCounts(0, 0, 0, 0, 0);

    /** The work of a run that makes no repeated passes (a training run). */
    public WorkCounts(long steps, long examples, long tokensReal, long tokensPadded, long tokensEvaluated) {
        this(steps, examples, tokensReal, tokensPadded, tokensEvaluated, 0);
    }
}
