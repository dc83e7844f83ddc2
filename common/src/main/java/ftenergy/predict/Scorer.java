package ftenergy.predict;

import ftenergy.data.Example;
import ftenergy.data.QaSettings;
import ftenergy.data.TaskType;
import ftenergy.model.TaskHead;
import ftenergy.text.TokenSpan;
import ftenergy.text.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores a fine-tuned head's predictions against the gold answers of their examples:
 * <ul>
 *   <li>sequence classification: accuracy;
 *   <li>token classification, over the labelled tokens (each word's first piece): entity F1
 *       ({@link TagSpans}, seqeval's definition) first where the tags are IOB chunk tags (NER),
 *       then token accuracy; token accuracy alone for other tags (part of speech);
 *   <li>span QA: SQuAD's F1 and exact match ({@link SquadScore}) per question. A question cut into
 *       windows is answered from all of them ({@link WindowedAnswers}) by the task's rule and scored
 *       against all its gold answers; an example without a window (prepared before windows existed,
 *       or synthetic) is a question of its own, scored against its one answer span on decoded text
 *       when a vocabulary is given, else on the token ids.
 * </ul>
 *
 * <p>Training evaluations and the sweep's inference runs report their metrics through it, so a
 * fine-tune's last evaluation and an inference run of its checkpoint score alike.
 */
public final class Scorer {

    private final TaskHead head;
    private final Vocabulary vocabulary;
    private final QaSettings answerRule;
    private final boolean chunkTags;
    private final TagSpans spans = new TagSpans();
    private final SquadScore unwindowed = new SquadScore();
    private final WindowedAnswers windowed = new WindowedAnswers();
    private long correct;
    private long total;

    /**
     * @param head the head whose predictions are scored
     * @param vocabulary decodes the answers of span-QA examples without a window for SQuAD's
     *     normalised scoring; {@code null} to score their token-id spans
     * @param answerRule the span-QA task's rule for "no answer" ({@code TaskInfo.qa()}); {@code null}
     *     for other heads
     * @throws IllegalArgumentException for a masked-LM head, or a span-QA head without a rule
     */
    public Scorer(TaskHead head, Vocabulary vocabulary, QaSettings answerRule) {
        if (head.type() == TaskType.MASKED_LM) {
            throw new IllegalArgumentException("a masked-LM head predicts no labels to score");
        }
        if (head.type() == TaskType.SPAN_QA && answerRule == null) {
            throw new IllegalArgumentException("span QA is scored by its task's answer rule (QaSettings); none was given");
        }
        this.head = head;
        this.vocabulary = vocabulary;
        this.answerRule = answerRule;
        this.chunkTags = TagSpans.areChunkTags(head.labels());
    }

    /** A scorer of a classification head (sequence or token), which needs no vocabulary or answer rule. */
    public Scorer(TaskHead head) {
        this(head, null, null);
    }

    /** Name of the headline metric of a head ({@link #metrics()} lists it first). */
    public static String headline(TaskHead head) {
        return switch (head.type()) {
            case SEQUENCE_CLASSIFICATION -> "accuracy";
            case TOKEN_CLASSIFICATION -> TagSpans.areChunkTags(head.labels()) ? "f1" : "accuracy";
            case SPAN_QA -> "f1";
            case MASKED_LM -> throw new IllegalArgumentException("a masked-LM head predicts no labels to score");
        };
    }

    /** Scores one prediction against its example's gold answer; fails naming an example whose answer is malformed. */
    public void add(HeadOutput predicted, Example gold) {
        switch (head.type()) {
            case SEQUENCE_CLASSIFICATION -> count(predicted.label() == requireLabel(gold, head.outputs()));
            case TOKEN_CLASSIFICATION -> addTags(predicted.tokenLabels(), gold);
            case SPAN_QA -> addAnswer(predicted, requireAnswerSpan(gold));
            case MASKED_LM -> throw new IllegalStateException("refused by the constructor");
        }
    }

    private void count(boolean right) {
        correct += right ? 1 : 0;
        total++;
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
                count(labels[token] == predicted[token]);
            }
        }
        if (chunkTags) {
            spans.add(goldTags, predictedTags);
        }
    }

    private void addAnswer(HeadOutput predicted, Example gold) {
        if (gold.window() != null) {
            windowed.add(predicted, gold.window());
            return;
        }
        TokenSpan answer = predicted.answer(answerRule);
        int[] ids = gold.inputIds();
        int[] span = {answer.start(), answer.end()};
        int[] goldSpan = {gold.spanStart(), gold.spanEnd()};
        if (vocabulary != null) {
            unwindowed.add(answerText(vocabulary, ids, span), answerText(vocabulary, ids, goldSpan));
        } else {
            unwindowed.add(answerTokens(ids, span), answerTokens(ids, goldSpan));
        }
    }

    /** Metrics over every prediction added, headline first ({@link #headline(TaskHead)}). */
    public List<Metric> metrics() {
        return switch (head.type()) {
            case SEQUENCE_CLASSIFICATION -> List.of(accuracy());
            case TOKEN_CLASSIFICATION -> chunkTags ? List.of(new Metric("f1", spans.f1()), accuracy()) : List.of(accuracy());
            case SPAN_QA -> {
                SquadScore squad = unwindowed.copy();
                windowed.scoreInto(squad, answerRule);
                yield List.of(new Metric("f1", squad.f1()), new Metric("exact_match", squad.exactMatch()));
            }
            case MASKED_LM -> throw new IllegalStateException("refused by the constructor");
        };
    }

    private Metric accuracy() {
        return new Metric("accuracy", total == 0 ? Double.NaN : (double) correct / total);
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
