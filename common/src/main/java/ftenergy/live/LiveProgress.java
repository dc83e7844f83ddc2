package ftenergy.live;

import java.io.Serializable;

/**
 * How far an attempt has come, counted as its steps (training) or batches (inference) end.
 *
 * @param steps steps or batches so far
 * @param tokensReal non-padding tokens so far
 * @param tokensPadded padded tokens so far (what the model computed on)
 * @param tokensPaddedPerSecond padded tokens over the seconds of the steps that ended in the last
 *     10 s (or two step lengths, if steps are longer); 0 when none did
 */
public record LiveProgress(long steps, long tokensReal, long tokensPadded, double tokensPaddedPerSecond)
        implements Serializable {

    /** No step yet. */
    public static final LiveProgress NONE = new LiveProgress(0, 0, 0, 0);
}
