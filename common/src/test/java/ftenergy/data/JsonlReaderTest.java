package ftenergy.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonlReaderTest {

    @Test
    void pairsWithMapping_indexLabels_minusOneIsUnlabelled() {
        ReadResult<TextRecord> r = JsonlReader.text(new ColumnMapping("idx", "premise", "hypothesis", "label"),
                List.of("entailment", "neutral", "contradiction")).read(Fixtures.path("jsonl/mnli.jsonl"), ErrorBudget.strict());

        assertEquals(List.of("7", "8", "9"), r.records().stream().map(TextRecord::id).toList());
        assertEquals("contradiction", r.records().get(1).label());
        assertEquals("No cat sat.", r.records().get(1).textPair());
        assertNull(r.records().get(2).label());
    }

    @Test
    void tagged_mapsTagIndices_lengthMismatchReported() {
        ReadResult<TaggedRecord> r = JsonlReader.tagged("id", "tokens", "ner_tags", ConllReader.CONLL2003_NER_TAGS)
                .read(Fixtures.path("jsonl/conll.jsonl"), Fixtures.lenient());

        assertEquals(List.of("B-ORG", "O", "B-MISC", "O"), r.records().get(0).tags());
        assertEquals(3, r.issues().get(0).line());
        assertTrue(r.issues().get(0).problem().contains("2 words but 1 tags"));
    }

    @Test
    void qa_emptyAnswersUnanswerable_answerNotInContextReported() {
        ReadResult<QaRecord> r = JsonlReader.qa().read(Fixtures.path("jsonl/squad.jsonl"), Fixtures.lenient());

        assertEquals(18, r.records().get(0).answers().get(0).charStart());
        assertTrue(r.records().get(1).isUnanswerable());
        assertEquals(3, r.issues().get(0).line());
    }
}
