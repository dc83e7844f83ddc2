package ftenergy.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.data.Example;
import ftenergy.text.TokenSpan;
import org.junit.jupiter.api.Test;

class SpanSearchTest {

    // [CLS] who ? [SEP] the eiffel tower ##s stand [SEP]
    private static final Example EXAMPLE = new Example("qa", "validation", "q1",
            new int[] {2, 5, 6, 3, 7, 8, 9, 10, 11, 3}, new int[] {0, 0, 0, 0, 1, 1, 1, 1, 1, 1}, -1, new int[0], 5, 7);

    @Test
    void takesBestSpanInsideTheContext() {
        float[] start = {0, 9, 0, 0, 0, 5, 0, 0, 0, 9};
        float[] end = {0, 9, 0, 0, 0, 0, 0, 4, 0, 9};
        // Tokens 1 and 9 score highest but are question and final [SEP]: not answers.
        assertEquals(new TokenSpan(5, 7), SpanSearch.best(EXAMPLE, start, end, 0, 3));
    }

    @Test
    void saysNoAnswerWhenClsScoresHigher() {
        float[] start = {6, 0, 0, 0, 0, 2, 0, 0, 0, 0};
        float[] end = {6, 0, 0, 0, 0, 0, 2, 0, 0, 0};
        assertEquals(TokenSpan.NO_ANSWER, SpanSearch.best(EXAMPLE, start, end, 0, 3));
    }

    @Test
    void limitsAnswerLength() {
        float[] start = {0, 0, 0, 0, 5, 0, 0, 0, 0, 0};
        float[] end = {0, 0, 0, 0, 0, 0, 0, 0, 5, 0};
        TokenSpan span = SpanSearch.best(EXAMPLE, start, end, 0, 3);
        assertTrue(span.end() - span.start() < 3, span.toString());
    }

    @Test
    void readsTheExampleAtItsOffsetInTheBatch() {
        float[] start = new float[20];
        float[] end = new float[20];
        start[10 + 6] = 5;
        end[10 + 6] = 5;
        assertEquals(new TokenSpan(6, 6), SpanSearch.best(EXAMPLE, start, end, 10, 3));
    }
}
