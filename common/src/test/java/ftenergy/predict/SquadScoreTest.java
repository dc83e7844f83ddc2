package ftenergy.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ftenergy.data.ErrorBudget;
import ftenergy.data.QaRecord;
import ftenergy.data.SquadReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The official {@code evaluate-v2.0.py} semantics, on a hand-written dev file in SQuAD's layout. */
class SquadScoreTest {

    /** Predictions as the official script reads them: question id to answer text, "" for no answer. */
    private static final Map<String, String> PREDICTIONS = Map.of(
            "e1", "1889.",
            "e2", "in Paris, France",
            "e3", "",
            "c1", "sat on the mat",
            "c2", "the mat",
            "c3", "The dog!",
            "c4", "A");

    @Test
    void devFile_exactMatchAndF1_areTheBestOverEveryGoldAnswer() throws URISyntaxException {
        List<QaRecord> questions = SquadReader.v2().read(fixture("squad/dev-v2.json"), ErrorBudget.strict()).records();
        SquadScore score = new SquadScore();
        for (QaRecord q : questions) {
            score.add(PREDICTIONS.get(q.id()), q.answerTexts());
        }

        // e1 "1889." -> "1889" equals gold "1889": EM 1, F1 1
        // e2 "in paris france" vs "paris france" (2 common; P 2/3, R 1: F1 0.8), "paris" (P 1/3, R 1: 0.5),
        //    "in paris" (P 2/3, R 1: 0.8): EM 0, F1 0.8
        // e3 unanswerable, gold [""], predicted "": EM 1, F1 1
        // c1 "sat on mat" vs "on mat" (P 2/3, R 1: 0.8), "mat" (P 1/3, R 1: 0.5): EM 0, F1 0.8
        // c2 unanswerable, gold [""], predicted "mat": EM 0, F1 0
        // c3 "dog" equals gold "dog" (the article and "!" are normalised away): EM 1, F1 1
        // c4 the only gold "A" normalises to nothing and is dropped, so gold is [""]; "A" -> "": EM 1, F1 1
        // EM = (1 + 0 + 1 + 0 + 0 + 1 + 1) / 7 = 4/7; F1 = (1 + 0.8 + 1 + 0.8 + 0 + 1 + 1) / 7 = 5.6 / 7 = 0.8
        assertEquals(7, score.questions());
        assertEquals(4.0 / 7, score.exactMatch(), 1e-12);
        assertEquals(0.8, score.f1(), 1e-12);
    }

    @Test
    void answerableQuestionsOnly_giveV11Numbers() throws URISyntaxException {
        List<QaRecord> questions = SquadReader.v2().read(fixture("squad/dev-v2.json"), ErrorBudget.strict()).records();
        SquadScore score = new SquadScore();
        for (QaRecord q : questions) {
            if (!q.isUnanswerable()) {
                score.add(PREDICTIONS.get(q.id()), q.answerTexts());
            }
        }

        // e1, e2, c1, c3, c4: EM (1 + 0 + 0 + 1 + 1) / 5 = 0.6; F1 (1 + 0.8 + 0.8 + 1 + 1) / 5 = 0.92
        assertEquals(0.6, score.exactMatch(), 1e-12);
        assertEquals(0.92, score.f1(), 1e-12);
    }

    @Test
    void normalisation_isTheOfficialOne() {
        assertEquals("eiffel tower", SquadScore.normalize("  The Eiffel,  Tower. "));
        assertEquals("theory", SquadScore.normalize("The theory"), "articles only as whole words");
        assertEquals("éa b", SquadScore.normalize("Éa b"), "no word boundary between 'é' and 'a', as in Python's re");
        assertEquals("x y", SquadScore.normalize("x\u2003an\u00a0y"), "Unicode whitespace splits words");
    }

    @Test
    void partialOverlap_countsRepeatedWordsOnce() {
        SquadScore score = new SquadScore();
        // "paris paris" vs "paris": 1 common word; P 1/2, R 1: F1 2/3
        score.add("paris paris", List.of("paris"));
        assertEquals(2.0 / 3, score.f1(), 1e-12);
        assertEquals(0.0, score.exactMatch());
    }

    private static Path fixture(String relative) throws URISyntaxException {
        return Path.of(SquadScoreTest.class.getResource("/fixtures/" + relative).toURI());
    }
}
