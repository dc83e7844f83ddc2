package ftenergy.data;

import java.io.Serializable;
import java.util.List;

/**
 * An extractive question (SQuAD v1.1/v2.0 and the span stand-in).
 *
 * @param id question id
 * @param question the question
 * @param context the passage answers are taken from
 * @param answers gold answers; empty when the question is unanswerable (SQuAD v2.0)
 */
public record QaRecord(String id, String question, String context, List<Answer> answers) implements TaskRecord {

    public QaRecord {
        answers = List.copyOf(answers);
        for (Answer a : answers) {
            if (a.charStart() < 0 || a.charEnd() > context.length()
                    || !context.regionMatches(a.charStart(), a.text(), 0, a.text().length())) {
                throw new IllegalArgumentException("question " + id + ": answer '" + a.text() + "' is not at character "
                        + a.charStart() + " of its context");
            }
        }
    }

    /** Whether the question has no answer in its context. */
    public boolean isUnanswerable() {
        return answers.isEmpty();
    }

    /**
     * One answer span.
     *
     * @param text the answer text, equal to the context at {@code charStart}
     * @param charStart first character of the answer in the context
     */
    public record Answer(String text, int charStart) implements Serializable {

        /** One past the last character. */
        public int charEnd() {
            return charStart + text.length();
        }
    }
}
