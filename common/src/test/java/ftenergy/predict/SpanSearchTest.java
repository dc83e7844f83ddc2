package ftenergy.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.data.Example;
import ftenergy.data.QaSettings;
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
        HeadOutput best = SpanSearch.best(EXAMPLE, start, end, 0, 3);
        assertEquals(new TokenSpan(5, 7), best.span());
        assertEquals(9.0, best.score());
        assertEquals(0.0, best.nullScore());
    }

    @Test
    void keepsTheBestSpanAndClsScore_theTasksRuleDecides() {
        float[] start = {6, 0, 0, 0, 0, 2, 0, 0, 0, 0};
        float[] end = {6, 0, 0, 0, 0, 0, 2, 0, 0, 0};
        HeadOutput best = SpanSearch.best(EXAMPLE, start, end, 0, 3);

        assertEquals(new TokenSpan(5, 6), best.span());
        assertEquals(4.0, best.score());
        assertEquals(12.0, best.nullScore());
        // 12 - 4 = 8: above threshold 0 (no answer), not above 10; SQuAD v1.1 always answers
        assertEquals(TokenSpan.NO_ANSWER, best.answer(QaSettings.squadV2()));
        assertEquals(new TokenSpan(5, 6), best.answer(QaSettings.squadV2().withNullScoreThreshold(10)));
        assertEquals(new TokenSpan(5, 6), best.answer(QaSettings.squadV1()));
    }

    @Test
    void limitsAnswerLength() {
        float[] start = {0, 0, 0, 0, 5, 0, 0, 0, 0, 0};
        float[] end = {0, 0, 0, 0, 0, 0, 0, 0, 5, 0};
        TokenSpan span = SpanSearch.best(EXAMPLE, start, end, 0, 3).span();
        assertTrue(span.end() - span.start() < 3, span.toString());
    }

    @Test
    void readsTheExampleAtItsOffsetInTheBatch() {
        float[] start = new float[20];
        float[] end = new float[20];
        start[10 + 6] = 5;
        end[10 + 6] = 5;
        assertEquals(new TokenSpan(6, 6), SpanSearch.best(EXAMPLE, start, end, 10, 3).span());
    }
}
