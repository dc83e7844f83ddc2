package ftenergy.predict;

import ftenergy.data.Example;
import ftenergy.text.TokenSpan;

/** The answer an extractive-QA head's start and end scores point at. */
public final class SpanSearch {

    private SpanSearch() {}

    /**
     * The best span of at most {@code maxAnswerTokens} tokens by start + end score, inside the
     * context (type id 1) of a question/context pair, never on the final [SEP]; no answer
     * ({@link TokenSpan#NO_ANSWER}) when [CLS]'s own start + end score beats it.
     *
     * @param start start scores of the batch, row-major
     * @param end end scores of the batch, row-major
     * @param offset index of the example's first token in {@code start} and {@code end}
     */
    public static TokenSpan best(Example example, float[] start, float[] end, int offset, int maxAnswerTokens) {
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
        double noAnswer = start[offset] + end[offset];
        return noAnswer > best ? TokenSpan.NO_ANSWER : span;
    }
}
