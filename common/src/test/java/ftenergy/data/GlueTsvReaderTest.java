package ftenergy.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlueTsvReaderTest {

    @Test
    void sst2_readsSentencesAndLabels_reportsBrokenLineWithFileAndLine() {
        ReadResult<TextRecord> r = GlueTsvReader.sst2().read(Fixtures.path("glue/sst2_train.tsv"), Fixtures.lenient());

        assertEquals(5, r.records().size());
        assertEquals("hide new secretions from the parental units ", r.records().get(0).text());
        assertEquals("0", r.records().get(0).label());
        assertEquals("1", r.records().get(4).label());
        assertNull(r.records().get(0).textPair());
        assertEquals(1, r.issues().size());
        assertEquals(6, r.issues().get(0).line());
        assertTrue(r.issues().get(0).toString().contains("sst2_train.tsv:6: 1 tab-separated fields, header has 2"),
                r.issues().get(0).toString());
    }

    @Test
    void sst2Test_withoutLabelColumn_givesUnlabelledRecordsWithIndexIds() {
        ReadResult<TextRecord> r = GlueTsvReader.sst2().read(Fixtures.path("glue/sst2_test.tsv"), ErrorBudget.strict());

        assertEquals(2, r.records().size());
        assertEquals("1", r.records().get(1).id());
        assertNull(r.records().get(1).label());
    }

    @Test
    void rte_readsPairs_unknownLabelIsMalformed() {
        ReadResult<TextRecord> r = GlueTsvReader.rte().read(Fixtures.path("glue/rte_dev.tsv"), Fixtures.lenient());

        assertEquals(3, r.records().size());
        assertEquals("Christopher Reeve had an accident.", r.records().get(0).textPair());
        assertEquals("not_entailment", r.records().get(0).label());
        assertEquals(4, r.issues().get(0).line());
        assertTrue(r.issues().get(0).problem().contains("'maybe'"));
    }

    @Test
    void mnli_findsColumnsByName_shortRowIsMalformed() {
        ReadResult<TextRecord> r = GlueTsvReader.mnli().read(Fixtures.path("glue/mnli_train.tsv"), Fixtures.lenient());

        assertEquals(4, r.records().size());
        assertEquals("0", r.records().get(0).id());
        assertEquals("neutral", r.records().get(0).label());
        assertEquals("contradiction", r.records().get(3).label());
        assertEquals(5, r.issues().get(0).line());
    }

    @Test
    void strictBudget_failsNamingFileLineAndFraction() {
        TaskDataException e = assertThrows(TaskDataException.class,
                () -> GlueTsvReader.sst2().read(Fixtures.path("glue/sst2_train.tsv"), ErrorBudget.strict()));

        assertTrue(e.getMessage().contains("1 of 6 records are malformed (16.67%)"), e.getMessage());
        assertTrue(e.getMessage().contains("sst2_train.tsv:6:"), e.getMessage());
    }

    @Test
    void budgetAboveFraction_passes_belowFails() {
        new GlueTsvReader("sentence", null, "label", java.util.List.of("0", "1"))
                .read(Fixtures.path("glue/sst2_train.tsv"), new ErrorBudget(0.17));
        assertThrows(TaskDataException.class, () -> GlueTsvReader.sst2()
                .read(Fixtures.path("glue/sst2_train.tsv"), new ErrorBudget(0.16)));
    }

    @Test
    void missingTextColumn_failsNamingIt() {
        TaskDataException e = assertThrows(TaskDataException.class,
                () -> GlueTsvReader.rte().read(Fixtures.path("glue/sst2_train.tsv"), Fixtures.lenient()));

        assertTrue(e.getMessage().contains("no column 'sentence1'"), e.getMessage());
        assertEquals(1, e.line());
    }
}
