package ftenergy.amortization;

import ftenergy.stats.AnalysisException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ftenergy.run.RunKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineageTest {

    static RunLink link(String id, RunKind kind, String model, String init, String... dependsOn) {
        return new RunLink(id, kind, model, init, List.of(dependsOn));
    }

    static final Lineage LINEAGE = new Lineage(List.of(
            link("P", RunKind.PRETRAIN, "bert", null),
            link("D", RunKind.DISTILL, "distilbert", "P", "P"),
            link("FT-t", RunKind.FINETUNE, "bert", "P", "P"),
            link("FT-s", RunKind.FINETUNE, "distilbert", "D", "D"),
            link("INF-s", RunKind.INFERENCE, "distilbert", "FT-s", "FT-s"),
            link("FT-dep", RunKind.FINETUNE, "bert", null, "P"),
            link("FT-name", RunKind.FINETUNE, "distilbert", null),
            link("FT-other", RunKind.FINETUNE, "roberta", null)));

    @Test
    void initChain_decidesTeacherOrStudent() {
        assertEquals(new Origin(Origin.Role.TEACHER, "P", null, "init"), LINEAGE.origin("FT-t"));
        assertEquals(new Origin(Origin.Role.STUDENT, "P", "D", "init"), LINEAGE.origin("FT-s"));
        assertEquals(new Origin(Origin.Role.STUDENT, "P", "D", "init"), LINEAGE.origin("INF-s"));
        assertEquals(new Origin(Origin.Role.STUDENT, "P", "D", "init"), LINEAGE.origin("D"));
    }

    @Test
    void withoutInit_dependsOnThenModelNameDecide() {
        assertEquals(new Origin(Origin.Role.TEACHER, "P", null, "depends_on"), LINEAGE.origin("FT-dep"));
        assertEquals(new Origin(Origin.Role.STUDENT, "P", "D", "model"), LINEAGE.origin("FT-name"));
    }

    @Test
    void unrelatedOrUnknownRuns_areUnattributed() {
        assertEquals(Origin.Role.UNATTRIBUTED, LINEAGE.origin("FT-other").role());
        assertNull(LINEAGE.origin("nope").pretrainRunId());
    }

    @Test
    void cycle_isReportedWithItsRuns() {
        Lineage cyclic = new Lineage(List.of(link("A", RunKind.FINETUNE, "m", "B"), link("B", RunKind.FINETUNE, "m", "A")));
        AnalysisException e = assertThrows(AnalysisException.class, () -> cyclic.origin("A"));
        assertEquals("run lineage has a cycle: A -> B -> A", e.getMessage());
    }
}
