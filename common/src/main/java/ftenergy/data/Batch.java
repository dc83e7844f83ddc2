package ftenergy.data;

import java.util.List;

/**
 * Examples padded together to the longest among them (dynamic padding).
 *
 * <p>The flat arrays are row-major {@code [size × seqLen]}, ready to become tensors.
 *
 * @param examples the examples, in batch order
 * @param seqLen padded length: the longest example's length
 */
public record Batch(List<Example> examples, int seqLen) {

    /** Token id used for padding ([PAD] is 0 in every BERT vocabulary). */
    public static final int PAD_ID = 0;

    public Batch {
        examples = List.copyOf(examples);
        for (Example e : examples) {
            if (e.length() > seqLen) {
                throw new IllegalArgumentException(
                        "example " + e.exampleId() + " has " + e.length() + " tokens, batch length is " + seqLen);
            }
        }
    }

    /** Pads to the longest example. */
    public static Batch of(List<Example> examples) {
        int longest = 0;
        for (Example e : examples) {
            longest = Math.max(longest, e.length());
        }
        return new Batch(examples, longest);
    }

    public int size() {
        return examples.size();
    }

    /** Tokens the model actually reads. */
    public long tokensReal() {
        long total = 0;
        for (Example e : examples) {
            total += e.length();
        }
        return total;
    }

    /** Tokens the model computes on, padding included. */
    public long tokensPadded() {
        return (long) size() * seqLen;
    }

    public long[] inputIds() {
        return flatten(true);
    }

    public long[] typeIds() {
        return flatten(false);
    }

    /** 1 for real tokens, 0 for padding. */
    public long[] attentionMask() {
        long[] mask = new long[size() * seqLen];
        for (int row = 0; row < size(); row++) {
            java.util.Arrays.fill(mask, row * seqLen, row * seqLen + examples.get(row).length(), 1L);
        }
        return mask;
    }

    private long[] flatten(boolean inputs) {
        long[] flat = new long[size() * seqLen];
        for (int row = 0; row < size(); row++) {
            int[] source = inputs ? examples.get(row).inputIds() : examples.get(row).typeIds();
            for (int col = 0; col < source.length; col++) {
                flat[row * seqLen + col] = source[col];
            }
        }
        return flat;
    }
}
