package ftenergy.predict;

import ftenergy.data.QaSettings;
import ftenergy.text.TokenSpan;

/**
 * What a fine-tuned head predicts for one example, in the model's own terms (indices, positions).
 *
 * <p>For span QA it keeps the scores, not a decision: whether the answer is the span or "no
 * answer" depends on the task ({@link #answer(QaSettings)}) and, for a context cut into windows,
 * on the question's other windows.
 *
 * @param label predicted class index (sequence classification), else -1
 * @param score softmax probability of {@code label} (sequence classification); start + end score
 *     of {@code span}, {@code -Infinity} when there is none (span QA); else NaN
 * @param tokenLabels predicted tag index of every real token (token classification), else empty
 * @param span the best answer span inside the context (span QA), {@link TokenSpan#NO_ANSWER} when
 *     the input has no context token to answer with; else {@code null}
 * @param nullScore start + end score of [CLS], the "no answer" score (span QA), else NaN
 */
public record HeadOutput(int label, double score, int[] tokenLabels, TokenSpan span, double nullScore) {

    /** A sequence classification's class and its probability. */
    public static HeadOutput sequence(int label, double score) {
        return new HeadOutput(label, score, new int[0], null, Double.NaN);
    }

    /** A token classification's tag per token. */
    public static HeadOutput tokens(int[] tokenLabels) {
        return new HeadOutput(-1, Double.NaN, tokenLabels, null, Double.NaN);
    }

    /** A span QA's best span with its score, and the [CLS] (no answer) score. */
    public static HeadOutput answer(TokenSpan span, double spanScore, double nullScore) {
        return new HeadOutput(-1, spanScore, new int[0], span, nullScore);
    }

    /** The span QA answer of this input alone: the best span, or {@link TokenSpan#NO_ANSWER} where {@code rule} says so. */
    public TokenSpan answer(QaSettings rule) {
        return rule.predictsNoAnswer(score, nullScore) ? TokenSpan.NO_ANSWER : span;
    }
}
