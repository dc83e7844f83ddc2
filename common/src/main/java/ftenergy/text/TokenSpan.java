package ftenergy.text;

/**
 * An answer span in token positions of an encoded input (inclusive ends).
 *
 * @param start first token of the answer; 0 ([CLS]) for "no answer"
 * @param end last token of the answer; 0 ([CLS]) for "no answer"
 */
public record TokenSpan(int start, int end) {

    /** The [CLS] position, which SQuAD v2 models predict for unanswerable questions. */
    public static final TokenSpan NO_ANSWER = new TokenSpan(0, 0);

    public TokenSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }
}
