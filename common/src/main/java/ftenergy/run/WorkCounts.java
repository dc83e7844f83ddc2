package ftenergy.run;

import java.io.Serializable;

/**
 * How much work a run did: what its energy is fitted against.
 *
 * @param steps optimisation steps taken (inference: forward passes, one per batch)
 * @param examples examples processed, counting repeats across epochs
 * @param tokensReal non-padding tokens processed
 * @param tokensPadded tokens processed including dynamic padding, i.e. what the model computed on
 * @param tokensEvaluated tokens (padding included) of every evaluation pass the run made; 0 for none
 */
public record WorkCounts(long steps, long examples, long tokensReal, long tokensPadded, long tokensEvaluated)
        implements Serializable {

    /** No work: an attempt that never started. */
    public static final WorkCounts NONE = new WorkCounts(0, 0, 0, 0, 0);
}
