package ftenergy.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.data.Example;
import ftenergy.data.TaskType;
import ftenergy.model.TaskHead;
import ftenergy.text.TokenSpan;
import ftenergy.text.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorerTest {

    // [CLS] who ? [SEP] the eiffel tower ##s stand [SEP]
    private static final Example QUESTION = new Example("qa", "validation", "q1",
            new int[] {2, 5, 6, 3, 7, 8, 9, 10, 11, 3}, new int[] {0, 0, 0, 0, 1, 1, 1, 1, 1, 1}, -1, new int[0], 5, 7);
    private static final Vocabulary VOCABULARY = new Vocabulary(List.of(
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "who", "?", "the", "eiffel", "tower", "##s", "stand"));

    @Test
    void answerText_joinsWordPieces() {
        assertEquals("eiffel towers", Scorer.answerText(VOCABULARY, QUESTION.inputIds(), new int[] {5, 7}));
        assertEquals("", Scorer.answerText(VOCABULARY, QUESTION.inputIds(), new int[] {0, 0}));
    }

    @Test
    void spanQa_scoresDecodedTextLikeSquad() {
        Scorer scorer = new Scorer(new TaskHead(TaskType.SPAN_QA, List.of()), VOCABULARY);
        scorer.add(HeadOutput.answer(new TokenSpan(5, 7)), QUESTION);   // exact
        scorer.add(HeadOutput.answer(new TokenSpan(4, 7)), QUESTION);   // "the eiffel towers": article dropped by SQuAD
        scorer.add(HeadOutput.answer(new TokenSpan(5, 5)), QUESTION);   // "eiffel": precision 1, recall 1/2
        List<Metric> metrics = scorer.metrics();
        assertEquals("f1", metrics.get(0).name());
        assertEquals((1 + 1 + 2.0 / 3) / 3, metrics.get(0).value(), 1e-12);
        assertEquals(2.0 / 3, metrics.get(1).value(), 1e-12);
    }

    @Test
    void sequence_accuracyAndBadLabelNamed() {
        Scorer scorer = new Scorer(new TaskHead(TaskType.SEQUENCE_CLASSIFICATION, List.of("neg", "pos")), null);
        scorer.add(HeadOutput.sequence(1, 0.9), labelled("a", 1));
        scorer.add(HeadOutput.sequence(0, 0.6), labelled("b", 1));
        assertEquals(List.of(new Metric("accuracy", 0.5)), scorer.metrics());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> scorer.add(HeadOutput.sequence(0, 0.6), labelled("c", 2)));
        assertTrue(e.getMessage().contains("example c of t has label 2, expected 0..1"), e.getMessage());
    }

    @Test
    void tokens_scoreOnlyLabelledTokens() {
        Scorer scorer = new Scorer(new TaskHead(TaskType.TOKEN_CLASSIFICATION, List.of("O", "B-PER", "I-PER")), null);
        int[] gold = {Example.IGNORE, 1, 2, Example.IGNORE, 0};
        Example example = new Example("t", "validation", "s1", new int[] {2, 7, 8, 9, 3}, new int[5], -1, gold, -1, -1);
        // Predictions at ignored positions ([CLS], a continuation piece) do not count.
        scorer.add(HeadOutput.tokens(new int[] {1, 1, 2, 1, 0}), example);
        assertEquals(1.0, scorer.metrics().get(0).value(), 1e-12);
    }

    private static Example labelled(String id, int label) {
        return new Example("t", "validation", id, new int[] {2, 7, 3}, new int[3], label, new int[0], -1, -1);
    }
}
