package ftenergy.data;

import java.io.Serializable;

/**
 * How an extractive-QA task becomes model inputs and how its answers are chosen, as HuggingFace's
 * {@code run_qa.py} does for SQuAD.
 *
 * <p>A context too long for one input is cut into windows of {@code maxLength} tokens
 * ({@code [CLS] question [SEP] part of the context [SEP]}), consecutive windows sharing
 * {@code docStride} context tokens; each window is a training example of its own. At evaluation a
 * question's answer is the best span over all its windows. When questions may be unanswerable
 * (SQuAD v2.0) the answer is "no answer" if the [CLS] null score (the lowest over the question's
 * windows) beats that span's score by more than {@code nullScoreThreshold}.
 *
 * <p>Example: {@code QaSettings.squadV2().withWindows(256, 64)}.
 *
 * @param maxLength tokens per window, special tokens included (384 for SQuAD)
 * @param docStride context tokens consecutive windows share (128 for SQuAD)
 * @param unanswerable whether a question may have no answer (SQuAD v2.0); if not, a span is always predicted
 * @param nullScoreThreshold no answer when null score - best span score exceeds this (0 by default)
 */
public record QaSettings(int maxLength, int docStride, boolean unanswerable, double nullScoreThreshold)
        implements Serializable {

    /** {@code run_qa.py}'s {@code max_seq_length}. */
    public static final int DEFAULT_MAX_LENGTH = 384;
    /** {@code run_qa.py}'s {@code doc_stride}. */
    public static final int DEFAULT_DOC_STRIDE = 128;
    /** [CLS] and two [SEP] around question and context. */
    private static final int SPECIAL_TOKENS = 3;

    public QaSettings {
        if (docStride < 0 || maxLength - SPECIAL_TOKENS - docStride < 2) {
            throw new IllegalArgumentException("QA windows of " + maxLength + " tokens cannot overlap by " + docStride
                    + " context tokens: need 0 <= doc stride <= max length - " + (SPECIAL_TOKENS + 2)
                    + ", room for one question token and one new context token per window");
        }
        if (!Double.isFinite(nullScoreThreshold)) {
            throw new IllegalArgumentException("null score threshold must be a finite number, was " + nullScoreThreshold);
        }
    }

    /** SQuAD v1.1: windows of 384 tokens overlapping by 128, every question answered. */
    public static QaSettings squadV1() {
        return new QaSettings(DEFAULT_MAX_LENGTH, DEFAULT_DOC_STRIDE, false, 0);
    }

    /** SQuAD v2.0: as v1.1, and no answer when the null score wins (threshold 0). */
    public static QaSettings squadV2() {
        return new QaSettings(DEFAULT_MAX_LENGTH, DEFAULT_DOC_STRIDE, true, 0);
    }

    /** The same rule with other windows. */
    public QaSettings withWindows(int maxLength, int docStride) {
        return new QaSettings(maxLength, docStride, unanswerable, nullScoreThreshold);
    }

    /** The same windows with another null-score threshold (only used when questions may be unanswerable). */
    public QaSettings withNullScoreThreshold(double threshold) {
        return new QaSettings(maxLength, docStride, unanswerable, threshold);
    }

    /**
     * Whether "no answer" is predicted over the best span.
     *
     * @param spanScore start + end score of the best span ({@code -Infinity} when there is none)
     * @param nullScore start + end score of [CLS]
     */
    public boolean predictsNoAnswer(double spanScore, double nullScore) {
        return unanswerable && nullScore - spanScore > nullScoreThreshold;
    }
}
