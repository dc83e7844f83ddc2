package ftenergy.predict;

import ftenergy.data.Example;
import ftenergy.data.TaskType;
import ftenergy.model.TaskHead;
import ftenergy.text.TokenSpan;
import ftenergy.text.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores a fine-tuned head's predictions against the gold answers of their examples, one example
 * at a time: accuracy for sequence classification, span F1 over the labelled tokens' tags for
 * token classification ({@link TagSpans}), SQuAD F1 and exact match for span QA
 * ({@link SquadScore}: on decoded text when a vocabulary is given, else on token-id spans).
 *
 * <p>Training evaluations and the sweep's inference runs report their metrics through it, so a
 * fine-tune's last evaluation and an inference run of its checkpoint score alike.
 */
public final class Scorer {

    private final TaskHead head;
    private final Vocabulary vocabulary;
    private final TagSpans spans = new TagSpans();
    private final SquadScore squad = new SquadScore();
    private long correct;
    private long total;

    /**
     * @param head the head whose predictions are scored
     * @param vocabulary decodes span-QA answers for SQuAD's normalised text scoring; {@code null}
     *     to score token-id spans
     */
    public Scorer(TaskHead head, Vocabulary vocabulary) {
        if (head.type() == TaskType.MASKED_LM) {
            throw new IllegalArgumentException("a masked-LM head predicts no labels to score");
        }
        this.head = head;
        this.vocabulary = vocabulary;
    }

    /** Scores one prediction against its example's gold answer; fails naming an example whose answer is malformed. */
    public void add(HeadOutput predicted, Example gold) {
        switch (head.type()) {
            case SEQUENCE_CLASSIFICATION -> {
                correct += predicted.label() == requireLabel(gold, head.outputs()) ? 1 : 0;
                total++;
            }
            case TOKEN_CLASSIFICATION -> addTags(predicted.tokenLabels(), gold);
            case SPAN_QA -> addAnswer(predicted.span(), requireAnswerSpan(gold));
            case MASKED_LM -> throw new IllegalStateException("refused by the constructor");
        }
    }

    private void addTags(int[] predicted, Example gold) {
        List<String> names = head.labels();
        int[] labels = gold.tokenLabels();
        List<String> goldTags = new ArrayList<>();
        List<String> predictedTags = new ArrayList<>();
        for (int token = 0; token < labels.length; token++) {
            if (labels[token] != Example.IGNORE) {
                goldTags.add(names.get(labels[token]));
                predictedTags.add(names.get(predicted[token]));
            }
        }
        spans.add(goldTags, predictedTags);
    }

    private void addAnswer(TokenSpan predicted, Example gold) {
        int[] ids = gold.inputIds();
        int[] span = {predicted.start(), predicted.end()};
        int[] goldSpan = {gold.spanStart(), gold.spanEnd()};
        if (vocabulary != null) {
            squad.add(answerText(vocabulary, ids, span), answerText(vocabulary, ids, goldSpan));
        } else {
            squad.add(answerTokens(ids, span), answerTokens(ids, goldSpan));
        }
    }

    /** Metrics over every prediction added, headline first ({@code accuracy} or {@code f1}). */
    public List<Metric> metrics() {
        return switch (head.type()) {
            case SEQUENCE_CLASSIFICATION -> List.of(new Metric("accuracy", total == 0 ? Double.NaN : (double) correct / total));
            case TOKEN_CLASSIFICATION -> List.of(new Metric("f1", spans.f1()));
            case SPAN_QA -> List.of(new Metric("f1", squad.f1()), new Metric("exact_match", squad.exactMatch()));
            case MASKED_LM -> throw new IllegalStateException("refused by the constructor");
        };
    }

    /** The example's class label; fails naming the example when it is outside {@code 0..classes-1}. */
    public static int requireLabel(Example example, int classes) {
        if (example.label() < 0 || example.label() >= classes) {
            throw new IllegalArgumentException("example " + example.exampleId() + " of " + example.task()
                    + " has label " + example.label() + ", expected 0.." + (classes - 1));
        }
        return example.label();
    }

    /** The example, when its answer is no answer (0..0) or a span inside it; else fails naming it. */
    public static Example requireAnswerSpan(Example example) {
        int start = example.spanStart();
        int end = example.spanEnd();
        if (start < 0 || end < start || end >= example.length() || (start == 0) != (end == 0)) {
            throw new IllegalArgumentException("example " + example.exampleId() + " of " + example.task()
                    + " has answer span " + start + ".." + end + " in " + example.length()
                    + " tokens; expected 0..0 (no answer) or a span inside the sequence");
        }
        return example;
    }

    /**
     * The span's text ("" for no answer), WordPiece-joined: {@code ##} pieces glue to the previous
     * token, others are separated by a space.
     */
    static String answerText(Vocabulary vocabulary, int[] ids, int[] span) {
        StringBuilder text = new StringBuilder();
        for (int i = span[0]; span[0] != 0 && i <= span[1]; i++) {
            String token = ids[i] < vocabulary.size() ? vocabulary.token(ids[i]) : Vocabulary.UNK;
            if (token.startsWith(Vocabulary.CONTINUATION)) {
                text.append(token, Vocabulary.CONTINUATION.length(), token.length());
            } else {
                text.append(text.length() > 0 ? " " : "").append(token);
            }
        }
        return text.toString();
    }

    private static int[] answerTokens(int[] ids, int[] span) {
        return span[0] == 0 ? new int[0] : Arrays.copyOfRange(ids, span[0], span[1] + 1);
    }
}
