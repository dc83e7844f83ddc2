package ftenergy.data;

/**
 * A single text or a text pair with a class label (SST-2, IMDB, MNLI, RTE and their stand-ins).
 *
 * @param id stable id
 * @param text the (first) text
 * @param textPair the second text of a pair task; {@code null} for single-text tasks
 * @param label the label exactly as written in the source; {@code null} for unlabelled test data
 */
public record TextRecord(String id, String text, String textPair, String label) implements TaskRecord {

    public TextRecord {
        if (text == null) {
            throw new IllegalArgumentException("record " + id + " has no text");
        }
    }

    /** Whether this record belongs to a sentence-pair task. */
    public boolean isPair() {
        return textPair != null;
    }
}
