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
        assertEquals(List.of(new QaRecord.Answer("1981", 50)), r.records().get(1).plausibleAnswers(),
                "plausible answers are read, never gold");
        assertEquals(2, r.issues().size());
        assertEquals(9, r.issues().get(0).line());
        assertTrue(r.issues().get(1).problem().contains("without a 'context'"));
    }

    @Test
    void devFile_keepsEveryGoldAnswerInOrder_duplicatesIncluded() {
        ReadResult<QaRecord> r = SquadReader.v2().read(Fixtures.path("squad/dev-v2.json"), ErrorBudget.strict());

        assertEquals(List.of("e1", "e2", "e3", "c1", "c2", "c3", "c4"), r.records().stream().map(QaRecord::id).toList());
        assertEquals(List.of("1889", "in 1889", "1889"), r.records().get(0).answerTexts());
        QaRecord impossible = r.records().get(2);
        assertTrue(impossible.isUnanswerable());
        assertEquals(List.of("The Eiffel Tower"), impossible.plausibleAnswers().stream().map(QaRecord.Answer::text).toList());
    }

    @Test
    void impossibleQuestionWithGoldAnswers_isMalformed() throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("squad", ".json");
        try {
            java.nio.file.Files.writeString(file, """
                    {"version": "v2.0", "data": [{"title": "t", "paragraphs": [{"context": "a cat",
                      "qas": [{"id": "x", "question": "what?", "is_impossible": true,
                               "answers": [{"text": "cat", "answer_start": 2}]}]}]}]}
                    """);
            TaskDataException e = assertThrows(TaskDataException.class, () -> SquadReader.v2().read(file, ErrorBudget.strict()));
            assertTrue(e.getMessage().contains(file + ":2: question x is_impossible but lists 1 answers"), e.getMessage());
        } finally {
            java.nio.file.Files.delete(file);
        }
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
