package ftenergy.attempt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ftenergy.data.Example;
import ftenergy.data.QaWindow;
import ftenergy.text.TokenSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class TruncationTest {

    private static final int SEP = 3;

    @Test
    void shortExample_isReturnedAsIs() {
        Example e = new Example("t", "train", "1", new int[] {2, 10, 3}, new int[3], 1, new int[0], -1, -1);
        assertSame(e, new Truncation(8, SEP).apply(e));
    }

    @Test
    void longExample_keepsHeadAndEndsWithSep() {
        Example e = new Example("t", "train", "1", new int[] {2, 10, 11, 12, 13, 3}, new int[] {0, 0, 0, 1, 1, 1}, 0,
                new int[] {-100, 5, 6, 7, 8, -100}, -1, -1);
        Example cut = new Truncation(4, SEP).apply(e);
        assertArrayEquals(new int[] {2, 10, 11, 3}, cut.inputIds());
        assertArrayEquals(new int[] {0, 0, 0, 1}, cut.typeIds());
        assertArrayEquals(new int[] {-100, 5, 6, -100}, cut.tokenLabels());
    }

    @Test
    void answerCutAway_becomesNoAnswer() {
        Example e = new Example("t", "train", "1", new int[] {2, 10, 3, 11, 12, 13, 3}, new int[7], -1, new int[0], 4, 5);
        Example cut = new Truncation(5, SEP).apply(e);
        assertEquals(0, cut.spanStart());
        assertEquals(0, cut.spanEnd());
        Example kept = new Truncation(6, SEP).apply(new Example("t", "train", "2", new int[] {2, 10, 3, 11, 12, 13, 3},
                new int[7], -1, new int[0], 3, 4));
        assertEquals(3, kept.spanStart());
    }

    @Test
    void qaWindow_isCutWithItsTokens_theNewFinalSepOutsideTheContext() {
        // [CLS] q [SEP] the cat sat [SEP] over the context "the cat sat"
        QaWindow window = new QaWindow("q", "the cat sat", List.of("cat"), new int[] {-1, -1, -1, 0, 4, 8, -1},
                new int[] {-1, -1, -1, 3, 7, 11, -1});
        Example e = new Example("t", "validation", "q#0", new int[] {2, 10, 3, 11, 12, 13, 3}, new int[] {0, 0, 0, 1, 1, 1, 1},
                -1, new int[0], 4, 4, window);

        QaWindow cut = new Truncation(5, SEP).apply(e).window();

        assertArrayEquals(new int[] {-1, -1, -1, 0, -1}, cut.contextStarts());
        assertArrayEquals(new int[] {-1, -1, -1, 3, -1}, cut.contextEnds());
        assertEquals("the", cut.text(new TokenSpan(3, 3)));
        assertEquals(List.of("cat"), cut.goldAnswers(), "gold answers stay the question's, whatever the window holds");
    }
}
