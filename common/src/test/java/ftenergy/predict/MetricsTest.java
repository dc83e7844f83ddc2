package ftenergy.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.predict.TagSpans.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Entity-level F1 as seqeval computes it (default mode), on hand-counted sequences. */
class MetricsTest {

    @Test
    void entityF1_exactTypeAndBoundaries_microAveraged_iob1ChunksMayStartWithI() {
        TagSpans spans = new TagSpans();
        // gold PER(0,1) LOC(3,3); predicted PER(0,1) (an IOB1 chunk opened by I-), ORG(3,3)
        spans.add(List.of("B-PER", "I-PER", "O", "B-LOC"), List.of("I-PER", "I-PER", "O", "B-ORG"));
        // IOB1 gold: ORG(0,1), ORG(2,2) (B- only between adjacent chunks of one type), MISC(4,4);
        // predicted ORG(0,2) (boundary wrong), MISC(4,4)
        spans.add(List.of("I-ORG", "I-ORG", "B-ORG", "O", "I-MISC"), List.of("B-ORG", "I-ORG", "I-ORG", "O", "I-MISC"));

        // gold 5 entities, predicted 4, correct 2 (PER(0,1), MISC(4,4)):
        // P = 2/4 = 0.5, R = 2/5 = 0.4, F1 = 2 * 0.5 * 0.4 / (0.5 + 0.4) = 0.4 / 0.9 = 4/9
        assertEquals(0.5, spans.precision(), 1e-12);
        assertEquals(0.4, spans.recall(), 1e-12);
        assertEquals(4.0 / 9, spans.f1(), 1e-12);
    }

    @Test
    void chunks_followSeqevalsGetEntities() {
        assertEquals(List.of(new Span(0, "PER", 0, 0), new Span(0, "LOC", 1, 2)),
                TagSpans.spans(0, List.of("B-PER", "I-LOC", "I-LOC")), "a type change opens a new chunk");
        assertEquals(List.of(new Span(0, "PER", 0, 1)), TagSpans.spans(0, List.of("I-PER", "I-PER")));
        assertEquals(List.of(new Span(0, "PER", 0, 0), new Span(0, "PER", 1, 1)),
                TagSpans.spans(0, List.of("B-PER", "B-PER")), "B- always opens a chunk");
        assertEquals(List.of(new Span(0, "LOC", 0, 1), new Span(0, "LOC", 2, 2)),
                TagSpans.spans(0, List.of("B-LOC", "E-LOC", "S-LOC")), "IOBES too");
    }

    @Test
    void noEntityOnEitherSide_isZero_asSeqevalsZeroDivision() {
        TagSpans spans = new TagSpans();
        spans.add(List.of("O", "O"), List.of("O", "O"));
        assertEquals(0.0, spans.f1());
    }

    @Test
    void chunkTagsAreRecognised_otherTagsRefused() {
        assertTrue(TagSpans.areChunkTags(List.of("O", "B-PER", "I-PER", "B-MISC")));
        assertFalse(TagSpans.areChunkTags(List.of("NN", "VB", "IN")));
        assertFalse(TagSpans.areChunkTags(List.of("O", "B-PER", "NN")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TagSpans.spans(0, List.of("O", "NN")));
        assertTrue(e.getMessage().contains("'NN' at word 1"), e.getMessage());
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
