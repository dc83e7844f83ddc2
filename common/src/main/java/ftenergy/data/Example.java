package ftenergy.data;

import java.io.Serializable;

/**
 * One tokenized example: a row of the {@code examples} table.
 *
 * <p>Arrays are owned by the example and must not be modified.
 *
 * @param task task name
 * @param split train, validation or test
 * @param exampleId stable id within task and split
 * @param inputIds token ids including [CLS] and [SEP]
 * @param typeIds segment ids (0 for the first sentence, 1 for the second)
 * @param label class index for sequence classification; -1 otherwise
 * @param tokenLabels per-token tag index for token classification, {@link #IGNORE} where no label
 *     applies (special tokens, continuation sub-tokens); empty otherwise
 * @param spanStart answer start token for QA (0 = [CLS] = no answer); -1 otherwise
 * @param spanEnd answer end token (inclusive) for QA; -1 otherwise
 * @param window for extractive QA, the question, context and gold answers the window is scored
 *     against; {@code null} otherwise (and for QA examples prepared before windows existed, which
 *     are scored on their own answer span)
 */
public record Example(
        String task,
        String split,
        String exampleId,
        int[] inputIds,
        int[] typeIds,
        int label,
        int[] tokenLabels,
        int spanStart,
        int spanEnd,
        QaWindow window)
        implements Serializable {

    /** Label value meaning "no loss here" (PyTorch's ignore index). */
    public static final int IGNORE = -100;

    public Example {
        if (inputIds.length != typeIds.length) {
            throw new IllegalArgumentException(
                    "example " + exampleId + ": " + inputIds.length + " input ids but " + typeIds.length + " type ids");
        }
        if (tokenLabels.length != 0 && tokenLabels.length != inputIds.length) {
            throw new IllegalArgumentException(
                    "example " + exampleId + ": " + tokenLabels.length + " token labels for " + inputIds.length + " tokens");
        }
        if (window != null && window.length() != inputIds.length) {
            throw new IllegalArgumentException(
                    "example " + exampleId + ": QA window offsets for " + window.length() + " tokens, not " + inputIds.length);
        }
    }

    /** An example without a QA window (every task but extractive QA). */
    public Example(String task, String split, String exampleId, int[] inputIds, int[] typeIds, int label,
            int[] tokenLabels, int spanStart, int spanEnd) {
        this(task, split, exampleId, inputIds, typeIds, label, tokenLabels, spanStart, spanEnd, null);
    }

    /** Number of real (non-padding) tokens. */
    public int length() {
        return inputIds.length;
    }
}
