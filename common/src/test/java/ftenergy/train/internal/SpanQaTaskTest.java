package ftenergy.train.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void answerText_joinsWordPieces() {
        assertEquals("eiffel towers", SpanQaTask.answerText(VOCABULARY, EXAMPLE.inputIds(), new int[] {5, 7}));
        assertEquals("", SpanQaTask.answerText(VOCABULARY, EXAMPLE.inputIds(), new int[] {0, 0}));
    }
}
