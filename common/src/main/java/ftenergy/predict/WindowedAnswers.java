package ftenergy.predict;

import ftenergy.data.QaSettings;
import ftenergy.data.QaWindow;
import ftenergy.text.TokenSpan;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A question's answer from the predictions of all its windows, as {@code run_qa.py}'s
 * post-processing gives it: the best span over the windows (text cut from the context through the
 * window's offsets), and for questions that may be unanswerable the lowest [CLS] null score over
 * the windows, which wins when it beats the span by more than the task's threshold.
 */
final class WindowedAnswers {

    /** The best span so far and the lowest null score of one question. */
    private static final class Question {
        private final QaWindow first;
        private double bestScore = Double.NEGATIVE_INFINITY;
        private String bestText = "";
        private double nullScore = Double.POSITIVE_INFINITY;

        Question(QaWindow first) {
            this.first = first;
        }
    }

    private final Map<String, Question> questions = new LinkedHashMap<>();

    /** Adds one window's prediction; fails naming a window that disagrees with its question's earlier ones. */
    void add(HeadOutput predicted, QaWindow window) {
        Question question = questions.computeIfAbsent(window.questionId(), id -> new Question(window));
        if (!question.first.context().equals(window.context()) || !question.first.goldAnswers().equals(window.goldAnswers())) {
            throw new IllegalArgumentException("windows of question " + window.questionId()
                    + " disagree on its context or gold answers: are two questions sharing an id?");
        }
        question.nullScore = Math.min(question.nullScore, predicted.nullScore());
        if (!predicted.span().equals(TokenSpan.NO_ANSWER) && predicted.score() > question.bestScore) {
            question.bestScore = predicted.score();
            question.bestText = window.text(predicted.span());
        }
    }

    /** Number of questions seen. */
    int size() {
        return questions.size();
    }

    /** Each question's answer under {@code rule} ("" for no answer), by question id, in first-seen order. */
    Map<String, String> answers(QaSettings rule) {
        Map<String, String> answers = new LinkedHashMap<>();
        questions.forEach((id, q) -> answers.put(id, rule.predictsNoAnswer(q.bestScore, q.nullScore) ? "" : q.bestText));
        return answers;
    }

    /** Scores every question's answer under {@code rule} against all its gold answers. */
    void scoreInto(SquadScore score, QaSettings rule) {
        Map<String, String> answers = answers(rule);
        questions.forEach((id, q) -> score.add(answers.get(id), q.first.goldAnswers()));
    }
}
