package ftenergy.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SquadReaderTest {

    @Test
    void v1_contextAfterQuestions_isJoined_wrongOffsetReportedAtQuestionLine() {
        ReadResult<QaRecord> r = SquadReader.v1().read(Fixtures.path("squad/v1.json"), Fixtures.lenient());

        assertEquals(List.of("q1", "q2"), r.records().stream().map(QaRecord::id).toList());
        assertEquals("France", r.records().get(0).answers().get(0).text());
        assertEquals(2, r.records().get(1).answers().size());
        assertEquals(1, r.issues().size());
        assertEquals(10, r.issues().get(0).line());
        assertTrue(r.issues().get(0).problem().contains("not at character 5"), r.issues().get(0).problem());
    }

    @Test
    void v2_impossibleHasNoAnswers_unmarkedEmptyAndContextlessAreMalformed() {
        ReadResult<QaRecord> r = SquadReader.v2().read(Fixtures.path("squad/v2.json"), new ErrorBudget(0.6));

        assertEquals(List.of("a1", "a2"), r.records().stream().map(QaRecord::id).toList());
        assertTrue(r.records().get(1).isUnanswerable());
        assertEquals(2, r.issues().size());
        assertEquals(9, r.issues().get(0).line());
        assertTrue(r.issues().get(1).problem().contains("without a 'context'"));
    }

    @Test
    void v1Reader_refusesImpossibleQuestions() {
        assertThrows(TaskDataException.class, () -> SquadReader.v1().read(Fixtures.path("squad/v2.json"), ErrorBudget.strict()));
    }

    @Test
    void notSquad_failsClearly() {
        TaskDataException e = assertThrows(TaskDataException.class,
                () -> SquadReader.v1().read(Fixtures.path("imdb/reviews.jsonl"), Fixtures.lenient()));
        assertTrue(e.getMessage().contains("reviews.jsonl"), e.getMessage());
    }
}
