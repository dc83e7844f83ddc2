package ftenergy.train.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.data.Example;
import ftenergy.text.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanQaTaskTest {

    // [CLS] who ? [SEP] the eiffel tower ##s stand [SEP]
    private static final Example EXAMPLE = new Example("qa", "validation", "q1",
            new int[] {2, 5, 6, 3, 7, 8, 9, 10, 11, 3}, new int[] {0, 0, 0, 0, 1, 1, 1, 1, 1, 1}, -1, new int[0], 5, 7);
    private static final Vocabulary VOCABULARY = new Vocabulary(List.of(
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "who", "?", "the", "eiffel", "tower", "##s", "stand"));

    private static final SpanQaTask TASK = new SpanQaTask(null, 3, null);

    @Test
    void predict_takesBestSpanInsideTheContext() {
        float[] start = {0, 9, 0, 0, 0, 5, 0, 0, 0, 9};
        float[] end = {0, 9, 0, 0, 0, 0, 0, 4, 0, 9};
        // Tokens 1 and 9 score highest but are question and final [SEP]: not answers.
        assertArrayEquals(new int[] {5, 7}, TASK.predict(EXAMPLE, start, end, 0));
    }

    @Test
    void predict_saysNoAnswerWhenClsScoresHigher() {
        float[] start = {6, 0, 0, 0, 0, 2, 0, 0, 0, 0};
        float[] end = {6, 0, 0, 0, 0, 0, 2, 0, 0, 0};
        assertArrayEquals(new int[] {0, 0}, TASK.predict(EXAMPLE, start, end, 0));
    }

    @Test
    void predict_limitsAnswerLength() {
        float[] start = {0, 0, 0, 0, 5, 0, 0, 0, 0, 0};
        float[] end = {0, 0, 0, 0, 0, 0, 0, 0, 5, 0};
        int[] span = TASK.predict(EXAMPLE, start, end, 0);
        assertTrue(span[1] - span[0] < 3, java.util.Arrays.toString(span));
    }

    @Test
    void answerText_joinsWordPieces() {
        assertEquals("eiffel towers", SpanQaTask.answerText(VOCABULARY, EXAMPLE.inputIds(), new int[] {5, 7}));
        assertEquals("", SpanQaTask.answerText(VOCABULARY, EXAMPLE.inputIds(), new int[] {0, 0}));
    }
}
