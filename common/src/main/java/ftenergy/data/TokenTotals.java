package ftenergy.data;

/**
 * Token counts of a whole run, known before it starts.
 *
 * @param steps optimisation steps (batches)
 * @param examples examples processed, repeats across epochs counted
 * @param tokensReal tokens the model reads
 * @param tokensPadded tokens computed on, padding included (batch size × longest in batch, summed)
 */
public record TokenTotals(long steps, long examples, long tokensReal, long tokensPadded) {

    /** Padding tokens: computed on but not real. */
    public long tokensPaddingOnly() {
        return tokensPadded - tokensReal;
    }

    /** Share of computed tokens that are padding, in [0, 1). */
    public double paddingFraction() {
        return tokensPadded == 0 ? 0 : (double) tokensPaddingOnly() / tokensPadded;
    }
}
