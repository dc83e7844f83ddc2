package ftenergy.predict;

import ftenergy.data.Example;
import ftenergy.text.TokenSpan;

/** The answer an extractive-QA head's start and end scores point at. */
public final class SpanSearch {

    private SpanSearch() {}

    /**
     * The best span of at most {@code maxAnswerTokens} tokens by start + end score, inside the
     * context (type id 1) of a question/context pair, never on the final [SEP], with its score and
     * [CLS]'s own start + end score (the "no answer" score). Every such span is scored, not only
     * the top-20 starts and ends {@code run_qa.py} looks at, so the best one is never missed.
     *
     * @param start start scores of the batch, row-major
     * @param end end scores of the batch, row-major
     * @param offset index of the example's first token in {@code start} and {@code end}
     */
    public static HeadOutput best(Example example, float[] start, float[] end, int offset, int maxAnswerTokens) {
        int[] types = example.typeIds();
        boolean pair = false;
        for (int type : types) {
            pair |= type == 1;
        }
        double best = Double.NEGATIVE_INFINITY;
        TokenSpan span = TokenSpan.NO_ANSWER;
        int last = example.length() - 2;
        for (int s = 1; s <= last; s++) {
            if (pair && types[s] != 1) {
                continue;
            }
            for (int e = s; e <= last && e < s + maxAnswerTokens; e++) {
                if (pair && types[e] != 1) {
                    break;
                }
                double score = start[offset + s] + end[offset + e];
                if (score > best) {
                    best = score;
                    span = new TokenSpan(s, e);
                }
            }
        }
        return HeadOutput.answer(span, best, start[offset] + end[offset]);
    }
}
