package ftenergy.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a question and a long context into overlapping windows of at most {@code maxLength} tokens,
 * {@code [CLS] question [SEP] part of the context [SEP]}, the way HuggingFace's tokenizers do with
 * {@code truncation="only_second"}, {@code stride} and {@code return_overflowing_tokens} (SQuAD's
 * {@code run_qa.py}): each window holds {@code room = maxLength - question - 3} context tokens, the
 * next one starting {@code room - stride} tokens later, until a window reaches the context's end.
 * A question too long to leave {@code stride + 1} context tokens per window is cut from its end.
 */
public final class QuestionWindows {

    private static final int SPECIAL_TOKENS = 3;

    private QuestionWindows() {}

    /**
     * @param whole the untruncated question/context encoding ({@link TextTokenizer#encodeQuestionContextWhole})
     * @param maxLength most tokens per window
     * @param stride context tokens shared by consecutive windows
     * @return the windows in context order; one when the context fits
     * @throws IllegalArgumentException when {@code whole} is not {@code [CLS] question [SEP] context [SEP]}
     *     or the settings leave no room for a new context token per window
     */
    public static List<Encoded> split(Encoded whole, int maxLength, int stride) {
        int n = whole.length();
        int questionEnd = 1;
        while (questionEnd < n && whole.sequenceIds()[questionEnd] == 0) {
            questionEnd++;
        }
        int contextEnd = n - 1;
        boolean shaped = questionEnd > 1 && questionEnd < contextEnd && whole.sequenceIds()[0] < 0
                && whole.sequenceIds()[questionEnd] < 0 && whole.sequenceIds()[contextEnd] < 0;
        for (int i = questionEnd + 1; shaped && i < contextEnd; i++) {
            shaped = whole.sequenceIds()[i] == 1;
        }
        if (!shaped) {
            throw new IllegalArgumentException("not a [CLS] question [SEP] context [SEP] encoding: sequence ids "
                    + Arrays.toString(whole.sequenceIds()));
        }
        int contextStart = questionEnd + 1;
        int contextTokens = contextEnd - contextStart;
        int questionKept = Math.min(questionEnd - 1, maxLength - SPECIAL_TOKENS - stride - 1);
        if (questionKept < 1) {
            throw new IllegalArgumentException("windows of " + maxLength + " tokens with stride " + stride
                    + " leave no room for the question");
        }
        int room = maxLength - SPECIAL_TOKENS - questionKept;
        List<Encoded> windows = new ArrayList<>();
        for (int from = 0; ; from += room - stride) {
            int to = Math.min(from + room, contextTokens);
            windows.add(window(whole, questionKept, questionEnd, contextStart + from, contextStart + to,
                    questionKept < questionEnd - 1 || to - from < contextTokens));
            if (to == contextTokens) {
                return windows;
            }
        }
    }

    /** {@code whole}'s [CLS], first {@code question} question tokens, [SEP], context tokens {@code [from, to)} and final [SEP]. */
    private static Encoded window(Encoded whole, int question, int separator, int from, int to, boolean truncated) {
        int[] positions = new int[question + (to - from) + SPECIAL_TOKENS];
        int k = 0;
        for (int i = 0; i <= question; i++) {
            positions[k++] = i;
        }
        positions[k++] = separator;
        for (int i = from; i < to; i++) {
            positions[k++] = i;
        }
        positions[k] = whole.length() - 1;
        return new Encoded(pick(whole.ids(), positions), pick(whole.typeIds(), positions),
                pick(whole.sequenceIds(), positions), pick(whole.wordIds(), positions),
                pick(whole.charStarts(), positions), pick(whole.charEnds(), positions), truncated);
    }

    private static int[] pick(int[] values, int[] positions) {
        int[] out = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            out[i] = values[positions[i]];
        }
        return out;
    }
}
