package ftenergy.predict;

import ftenergy.text.TokenSpan;

/**
 * What a fine-tuned head predicts for one example, in the model's own terms (indices, positions).
 *
 * @param label predicted class index (sequence classification), else -1
 * @param score softmax probability of {@code label} (sequence classification), else NaN
 * @param tokenLabels predicted tag index of every real token (token classification), else empty
 * @param span predicted answer tokens, {@link TokenSpan#NO_ANSWER} for none (span QA), else {@code null}
 */
public record HeadOutput(int label, double score, int[] tokenLabels, TokenSpan span) {

    static HeadOutput sequence(int label, double score) {
        return new HeadOutput(label, score, new int[0], null);
    }

    static HeadOutput tokens(int[] tokenLabels) {
        return new HeadOutput(-1, Double.NaN, tokenLabels, null);
    }

    static HeadOutput answer(TokenSpan span) {
        return new HeadOutput(-1, Double.NaN, new int[0], span);
    }
}
