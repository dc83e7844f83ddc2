package ftenergy.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void spanF1_countsWholeEntitySpansOnly() {
        TagSpans spans = new TagSpans();
        // gold: PER [0,1], LOC [3]; predicted: PER [0] (boundary wrong), LOC [3]
        spans.add(List.of("B-PER", "I-PER", "O", "B-LOC"), List.of("B-PER", "O", "O", "B-LOC"));
        assertEquals(0.5, spans.f1(), 1e-12);
    }

    @Test
    void spanF1_iAfterOtherTypeOpensNewSpan() {
        assertEquals(2, TagSpans.spans(0, List.of("B-PER", "I-LOC", "I-LOC")).size());
        assertEquals(1, TagSpans.spans(0, List.of("I-PER", "I-PER")).size());
    }

    @Test
    void spanF1_onPlainTagsIsTokenAccuracyWithoutO() {
        TagSpans spans = new TagSpans();
        spans.add(List.of("NN", "VB", "NN", "DT"), List.of("NN", "VB", "JJ", "DT"));
        assertEquals(0.75, spans.f1(), 1e-12);
    }

    @Test
    void squad_normalisesCaseArticlesAndPunctuation() {
        SquadScore score = new SquadScore();
        score.add("The Eiffel Tower!", "eiffel tower");
        assertEquals(1.0, score.exactMatch());
        assertEquals(1.0, score.f1());
        assertEquals("eiffel tower", SquadScore.normalize("  The Eiffel,  Tower. "));
    }

    @Test
    void squad_partialOverlapAndNoAnswer() {
        SquadScore score = new SquadScore();
        score.add("paris france", "paris");      // P 1/2, R 1 -> F1 2/3
        score.add("", "");                       // both no answer -> 1
        score.add("paris", "");                  // answered an unanswerable question -> 0
        assertEquals(1.0 / 3, score.exactMatch(), 1e-12);
        assertEquals((2.0 / 3 + 1 + 0) / 3, score.f1(), 1e-12);
    }

    @Test
    void squad_onTokenIdsComparesIdMultisets() {
        SquadScore score = new SquadScore();
        score.add(new int[] {5, 6, 7}, new int[] {6, 7});
        assertEquals(0.0, score.exactMatch());
        assertEquals(0.8, score.f1(), 1e-12);
    }
}
