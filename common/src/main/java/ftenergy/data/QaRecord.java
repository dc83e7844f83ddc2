package ftenergy.data;

import java.io.Serializable;
import java.util.List;

/**
 * An extractive question (SQuAD v1.1/v2.0 and the span stand-in).
 *
 * @param id question id
 * @param question the question
 * @param context the passage answers are taken from
 * @param answers every gold answer, in source order (SQuAD's evaluation sets give several); empty
 *     when the question is unanswerable (SQuAD v2.0). Training takes the first.
 * @param plausibleAnswers SQuAD v2.0's {@code plausible_answers} of an unanswerable question:
 *     spans a reader might wrongly give; kept for inspection, never gold
 */
public record QaRecord(String id, String question, String context, List<Answer> answers, List<Answer> plausibleAnswers)
        implements TaskRecord {

    public QaRecord {
        answers = List.copyOf(answers);
        plausibleAnswers = List.copyOf(plausibleAnswers);
        checkInContext(id, context, answers, "answer");
        checkInContext(id, context, plausibleAnswers, "plausible answer");
    }

    /** A question without plausible answers (every answerable one, and SQuAD v1.1). */
    public QaRecord(String id, String question, String context, List<Answer> answers) {
        this(id, question, context, answers, List.of());
    }

    private static void checkInContext(String id, String context, List<Answer> answers, String what) {
        for (Answer a : answers) {
            if (a.charStart() < 0 || a.charEnd() > context.length()
                    || !context.regionMatches(a.charStart(), a.text(), 0, a.text().length())) {
                throw new IllegalArgumentException("question " + id + ": " + what + " '" + a.text()
                        + "' is not at character " + a.charStart() + " of its context");
            }
        }
    }

    /** Whether the question has no answer in its context. */
    public boolean isUnanswerable() {
        return answers.isEmpty();
    }

    /** The gold answers' texts, in source order. */
    public List<String> answerTexts() {
        return answers.stream().map(Answer::text).toList();
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
