package ftenergy.text;

/**
 * One tokenized input, special tokens included, before padding.
 *
 * <p>Arrays are parallel (one entry per token) and owned by this object: do not modify them.
 *
 * @param ids vocabulary ids
 * @param typeIds segment ids: 0 for the first text and its [CLS]/[SEP], 1 for the second
 * @param sequenceIds which input text a token came from (0 or 1), -1 for special tokens
 * @param wordIds index of the word (pre-tokenizer split, or caller's word for word input) within
 *     its text, -1 for special tokens
 * @param charStarts first character of the token in its own input text, -1 for special tokens
 * @param charEnds one past the token's last character in its own input text, -1 for specials
 * @param truncated whether tokens were cut to fit the maximum length
 */
public record Encoded(
        int[] ids, int[] typeIds, int[] sequenceIds, int[] wordIds, int[] charStarts, int[] charEnds, boolean truncated) {

    public Encoded {
        int n = ids.length;
        if (typeIds.length != n || sequenceIds.length != n || wordIds.length != n || charStarts.length != n || charEnds.length != n) {
            throw new IllegalArgumentException("parallel arrays differ in length");
        }
    }

    /** Number of tokens. */
    public int length() {
        return ids.length;
    }
}
