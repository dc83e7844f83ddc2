package ftenergy.data;

import ftenergy.text.TokenSpan;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * What evaluating one window of an extractive question needs beside its tokens: which question it
 * belongs to (a long context gives several windows), the context answers are cut from, every gold
 * answer, and where each of the window's tokens lies in the context.
 *
 * <p>Arrays are owned by the window and must not be modified.
 *
 * @param questionId the question's id; every window of the question carries it
 * @param context the whole context the question is asked about
 * @param goldAnswers the text of every gold answer, in source order; empty when unanswerable
 * @param contextStarts per token of the window, its first character in the context; -1 for tokens
 *     outside the context (special tokens, the question)
 * @param contextEnds per token, one past its last character in the context; -1 outside it
 */
public record QaWindow(String questionId, String context, List<String> goldAnswers, int[] contextStarts,
        int[] contextEnds) implements Serializable {

    public QaWindow {
        goldAnswers = List.copyOf(goldAnswers);
        if (contextStarts.length != contextEnds.length) {
            throw new IllegalArgumentException("question " + questionId + ": " + contextStarts.length
                    + " token starts but " + contextEnds.length + " token ends");
        }
    }

    /** Number of tokens in the window. */
    public int length() {
        return contextStarts.length;
    }

    /**
     * The context's text under a token span of the window, from the first token's first character
     * to the last token's last ("" for {@link TokenSpan#NO_ANSWER}).
     *
     * @throws IllegalArgumentException when the span reaches outside the context part of the window
     */
    public String text(TokenSpan span) {
        if (span.equals(TokenSpan.NO_ANSWER)) {
            return "";
        }
        if (span.end() >= length() || contextStarts[span.start()] < 0 || contextEnds[span.end()] < 0) {
            throw new IllegalArgumentException("question " + questionId + ": span " + span.start() + ".." + span.end()
                    + " is not inside the context of its " + length() + "-token window");
        }
        return context.substring(contextStarts[span.start()], contextEnds[span.end()]);
    }

    /** The first {@code length} tokens' offsets, the last of them a [SEP] outside the context (see the attempt's truncation). */
    public QaWindow truncated(int length) {
        if (length >= length()) {
            return this;
        }
        int[] starts = Arrays.copyOf(contextStarts, length);
        int[] ends = Arrays.copyOf(contextEnds, length);
        starts[length - 1] = -1;
        ends[length - 1] = -1;
        return new QaWindow(questionId, context, goldAnswers, starts, ends);
    }
}
