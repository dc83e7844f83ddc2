package ftenergy.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConllReaderTest {

    @Test
    void conll2003_sentencesSplitByBlankAndDocstart_badSentencesSkippedWhole() {
        ReadResult<TaggedRecord> r = ConllReader.conll2003Ner().read(Fixtures.path("conll/eng.train"), Fixtures.lenient());

        assertEquals(3, r.records().size());
        TaggedRecord first = r.records().get(0);
        assertEquals(List.of("EU", "rejects", "German", "call", "to", "boycott", "British", "lamb", "."), first.words());
        assertEquals("B-ORG", first.tags().get(0));
        assertEquals("3", first.id());
        assertEquals(List.of("Peter", "Blackburn"), r.records().get(1).words());
        assertEquals(List.of("Germany", "'s"), r.records().get(2).words());
        assertEquals(2, r.issues().size());
        assertEquals(19, r.issues().get(0).line());
        assertTrue(r.issues().get(0).problem().contains("'B-DATE'"));
        assertEquals(22, r.issues().get(1).line());
    }

    @Test
    void iob1File_docstartLinesSeparateDocumentsAndAreNeverWords() {
        ReadResult<TaggedRecord> r = ConllReader.conll2003Ner().read(Fixtures.path("conll/eng.testb"), ErrorBudget.strict());

        assertEquals(List.of("3", "16", "19", "28"), r.records().stream().map(TaggedRecord::id).toList());
        assertTrue(r.records().stream().flatMap(s -> s.words().stream()).noneMatch(w -> w.startsWith("-DOCSTART-")));
        assertEquals(List.of("I-LOC", "O", "I-LOC", "B-LOC", "O", "O", "O", "I-MISC", "I-MISC", "O"), r.records().get(3).tags());
        assertEquals(List.of(), r.issues());
    }

    @Test
    void tagColumnByIndex_readsPosInstead() {
        ReadResult<TaggedRecord> r = new ConllReader(0, 1, List.of()).read(Fixtures.path("conll/eng.train"), Fixtures.lenient());

        assertEquals("NNP", r.records().get(0).tags().get(0));
    }
}
