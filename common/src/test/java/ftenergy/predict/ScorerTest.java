package ftenergy.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.data.ConllReader;
import ftenergy.data.ErrorBudget;
import ftenergy.data.Example;
import ftenergy.data.ExampleEncoder;
import ftenergy.data.QaRecord;
import ftenergy.data.QaSettings;
import ftenergy.data.TaggedRecord;
import ftenergy.data.TaskInfo;
import ftenergy.data.TaskType;
import ftenergy.model.TaskHead;
import ftenergy.text.TextTokenizer;
import ftenergy.text.TokenSpan;
import ftenergy.text.TokenizerFile;
import ftenergy.text.Vocabulary;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorerTest {

    private static final TaskHead QA = new TaskHead(TaskType.SPAN_QA, List.of());

    // [CLS] who ? [SEP] the eiffel tower ##s stand [SEP], without a window (a synthetic example)
    private static final Example QUESTION = new Example("qa", "validation", "q1",
            new int[] {2, 5, 6, 3, 7, 8, 9, 10, 11, 3}, new int[] {0, 0, 0, 0, 1, 1, 1, 1, 1, 1}, -1, new int[0], 5, 7);
    private static final Vocabulary VOCABULARY = new Vocabulary(List.of(
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "who", "?", "the", "eiffel", "tower", "##s", "stand"));

    /** Context word i is one token of the fixture vocabulary; "who wrote it?" leaves 9 per 16-token window, stride 4. */
    private static final String CONTEXT = "the cat sat on mat dog run hello world paris melville wrote it was written by in who a b";

    @TempDir
    static Path dir;

    static TextTokenizer tokenizer;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        Path vocabTxt = Path.of(ScorerTest.class.getResource("/fixtures/bert/vocab.txt").toURI());
        TokenizerFile.fromVocabTxt(vocabTxt, true, dir.resolve("tokenizer.json"));
        tokenizer = TextTokenizer.load(dir.resolve("tokenizer.json"), 16);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    /** The windows of one question over {@link #CONTEXT}: context words [0,9) [5,14) [10,19) [15,20). */
    private static List<Example> windows(String id, QaSettings settings, String... goldAnswers) {
        List<QaRecord.Answer> answers = java.util.Arrays.stream(goldAnswers)
                .map(a -> new QaRecord.Answer(a, CONTEXT.indexOf(a))).toList();
        TaskInfo task = new TaskInfo("qa", TaskType.SPAN_QA, List.of(), null, settings.withWindows(16, 4));
        return new ExampleEncoder(tokenizer, task).encode("validation", new QaRecord(id, "who wrote it?", CONTEXT, answers));
    }

    /** Token position of context word {@code word} in window {@code k} (9 context words each, from word 5k). */
    private static int at(int k, int word) {
        return 6 + word - 5 * k;
    }

    @Test
    void windowedQuestion_bestSpanOverAllWindows_textCutFromTheContext() {
        List<Example> w = windows("q", QaSettings.squadV1(), "paris melville", "paris");
        Scorer scorer = new Scorer(QA, null, QaSettings.squadV1());
        // Window 0 likes "world" (score 3), window 1 "paris melville" (score 7), window 2 "melville wrote" (5).
        scorer.add(HeadOutput.answer(new TokenSpan(at(0, 8), at(0, 8)), 3, 9), w.get(0));
        scorer.add(HeadOutput.answer(new TokenSpan(at(1, 9), at(1, 10)), 7, 9), w.get(1));
        scorer.add(HeadOutput.answer(new TokenSpan(at(2, 10), at(2, 11)), 5, 9), w.get(2));
        scorer.add(HeadOutput.answer(new TokenSpan(at(3, 15), at(3, 15)), 1, 9), w.get(3));

        // One question, answered "paris melville" (exact on the first gold answer) although every
        // window's null score 9 is higher: SQuAD v1.1 always answers.
        assertEquals(List.of(new Metric("f1", 1.0), new Metric("exact_match", 1.0)), scorer.metrics());
    }

    @Test
    void unanswerable_nullRuleUsesTheLowestNullScoreAgainstTheBestSpan() {
        List<Example> none = windows("none", QaSettings.squadV2());
        List<Example> some = windows("some", QaSettings.squadV2(), "hello world");
        List<HeadOutput> noneOutputs = List.of(
                HeadOutput.answer(new TokenSpan(at(0, 1), at(0, 1)), 4, 9),   // "cat", 4
                HeadOutput.answer(new TokenSpan(at(1, 9), at(1, 9)), 2, 6),   // lowest null score: 6
                HeadOutput.answer(new TokenSpan(at(2, 12), at(2, 12)), 1, 8),
                HeadOutput.answer(new TokenSpan(at(3, 18), at(3, 18)), 0, 7));
        List<HeadOutput> someOutputs = List.of(
                HeadOutput.answer(new TokenSpan(at(0, 7), at(0, 8)), 5, 1),   // "hello world", 5; null 1
                HeadOutput.answer(new TokenSpan(at(1, 7), at(1, 8)), 5, 3),
                HeadOutput.answer(new TokenSpan(at(2, 10), at(2, 10)), 2, 4),
                HeadOutput.answer(new TokenSpan(at(3, 15), at(3, 15)), 2, 4));

        // Threshold 0: "none": 6 - 4 = 2 > 0, no answer (right); "some": 1 - 5 = -4, "hello world" (right).
        assertEquals(List.of(new Metric("f1", 1.0), new Metric("exact_match", 1.0)),
                scored(QaSettings.squadV2(), none, noneOutputs, some, someOutputs));
        // Threshold 3: "none" is answered "cat" (2 <= 3): wrong; "some" still right. EM = F1 = 1/2.
        assertEquals(List.of(new Metric("f1", 0.5), new Metric("exact_match", 0.5)),
                scored(QaSettings.squadV2().withNullScoreThreshold(3), none, noneOutputs, some, someOutputs));
        // Threshold -5: "some" too says no answer (-4 > -5): both "", one right. EM = F1 = 1/2.
        assertEquals(List.of(new Metric("f1", 0.5), new Metric("exact_match", 0.5)),
                scored(QaSettings.squadV2().withNullScoreThreshold(-5), none, noneOutputs, some, someOutputs));
    }

    private static List<Metric> scored(QaSettings rule, List<Example> a, List<HeadOutput> aOut, List<Example> b,
            List<HeadOutput> bOut) {
        Scorer scorer = new Scorer(QA, null, rule);
        for (int i = 0; i < a.size(); i++) {
            scorer.add(aOut.get(i), a.get(i));
            scorer.add(bOut.get(i), b.get(i));
        }
        return scorer.metrics();
    }

    @Test
    void windowsOfOneIdWithDifferentContexts_areRefused() {
        List<Example> q = windows("q", QaSettings.squadV2(), "paris");
        Example impostor = new ExampleEncoder(tokenizer, new TaskInfo("qa", TaskType.SPAN_QA, List.of(), null,
                QaSettings.squadV2().withWindows(16, 4))).encode("validation",
                new QaRecord("q", "who wrote it?", "the cat sat", List.of())).get(0);
        Scorer scorer = new Scorer(QA, null, QaSettings.squadV2());
        scorer.add(HeadOutput.answer(new TokenSpan(at(0, 1), at(0, 1)), 1, 0), q.get(0));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> scorer.add(HeadOutput.answer(new TokenSpan(6, 6), 1, 0), impostor));
        assertTrue(e.getMessage().contains("question q"), e.getMessage());
    }

    @Test
    void answerText_joinsWordPieces() {
        assertEquals("eiffel towers", Scorer.answerText(VOCABULARY, QUESTION.inputIds(), new int[] {5, 7}));
        assertEquals("", Scorer.answerText(VOCABULARY, QUESTION.inputIds(), new int[] {0, 0}));
    }

    @Test
    void spanQaWithoutWindow_scoresDecodedTextLikeSquad() {
        Scorer scorer = new Scorer(QA, VOCABULARY, QaSettings.squadV2());
        scorer.add(HeadOutput.answer(new TokenSpan(5, 7), 1, 0), QUESTION);   // exact
        scorer.add(HeadOutput.answer(new TokenSpan(4, 7), 1, 0), QUESTION);   // "the eiffel towers": article dropped by SQuAD
        scorer.add(HeadOutput.answer(new TokenSpan(5, 5), 1, 0), QUESTION);   // "eiffel": precision 1, recall 1/2
        List<Metric> metrics = scorer.metrics();
        assertEquals("f1", metrics.get(0).name());
        assertEquals((1 + 1 + 2.0 / 3) / 3, metrics.get(0).value(), 1e-12);
        assertEquals(2.0 / 3, metrics.get(1).value(), 1e-12);
    }

    @Test
    void spanQaWithoutRule_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Scorer(QA));
    }

    @Test
    void sequence_accuracyAndBadLabelNamed() {
        Scorer scorer = new Scorer(new TaskHead(TaskType.SEQUENCE_CLASSIFICATION, List.of("neg", "pos")));
        scorer.add(HeadOutput.sequence(1, 0.9), labelled("a", 1));
        scorer.add(HeadOutput.sequence(0, 0.6), labelled("b", 1));
        assertEquals(List.of(new Metric("accuracy", 0.5)), scorer.metrics());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> scorer.add(HeadOutput.sequence(0, 0.6), labelled("c", 2)));
        assertTrue(e.getMessage().contains("example c of t has label 2, expected 0..1"), e.getMessage());
    }

    @Test
    void nerTags_entityF1First_thenTokenAccuracy_overLabelledTokensOnly() {
        TaskHead ner = new TaskHead(TaskType.TOKEN_CLASSIFICATION, List.of("O", "B-PER", "I-PER"));
        Scorer scorer = new Scorer(ner);
        int[] gold = {Example.IGNORE, 1, 2, Example.IGNORE, 0, 1, Example.IGNORE};
        Example example = new Example("t", "validation", "s1", new int[] {2, 7, 8, 9, 10, 11, 3}, new int[7], -1, gold, -1, -1);
        // Labelled words: gold B-PER I-PER O B-PER, predicted B-PER I-PER O O. Ignored positions
        // ([CLS], a continuation piece, [SEP]) do not count, whatever is predicted there.
        scorer.add(HeadOutput.tokens(new int[] {1, 1, 2, 1, 0, 0, 2}), example);

        // entities: gold PER(0,1), PER(3,3); predicted PER(0,1): P 1, R 1/2, F1 2/3; tokens 3 of 4 right
        assertEquals(List.of(new Metric("f1", 2.0 / 3), new Metric("accuracy", 0.75)), scorer.metrics());
        assertEquals("f1", Scorer.headline(ner));
    }

    @Test
    void posTags_tokenAccuracyIsTheOnlyMetric() {
        TaskHead pos = new TaskHead(TaskType.TOKEN_CLASSIFICATION, List.of("NN", "VB", "IN-TL"));
        Scorer scorer = new Scorer(pos);
        int[] gold = {Example.IGNORE, 0, 1, 2, Example.IGNORE};
        scorer.add(HeadOutput.tokens(new int[] {0, 0, 1, 1, 0}),
                new Example("t", "validation", "s1", new int[] {2, 7, 8, 9, 3}, new int[5], -1, gold, -1, -1));

        assertEquals(List.of(new Metric("accuracy", 2.0 / 3)), scorer.metrics());
        assertEquals("accuracy", Scorer.headline(pos));
    }

    @Test
    void conllFile_iob1Tags_scoredAsSeqevalScoresThem() throws URISyntaxException {
        Path file = Path.of(ScorerTest.class.getResource("/fixtures/conll/eng.testb").toURI());
        List<TaggedRecord> sentences = ConllReader.conll2003Ner().read(file, ErrorBudget.strict()).records();
        TaskInfo task = new TaskInfo("conll2003", TaskType.TOKEN_CLASSIFICATION, ConllReader.CONLL2003_NER_TAGS, null);
        TaskHead head = TaskHead.of(task);
        Scorer scorer = new Scorer(head);
        try (TextTokenizer wide = TextTokenizer.load(dir.resolve("tokenizer.json"), 128)) {
            ExampleEncoder encoder = new ExampleEncoder(wide, task);
            for (TaggedRecord sentence : sentences) {
                Example example = encoder.encode("validation", sentence).get(0);
                int[] predicted = example.tokenLabels().clone();
                int word = -1;
                for (int t = 0; t < predicted.length; t++) {
                    if (predicted[t] == Example.IGNORE) {
                        predicted[t] = 0;
                        continue;
                    }
                    word++;
                    String wrong = wrongTag(sentence.id(), word);
                    predicted[t] = wrong == null ? predicted[t] : head.labels().indexOf(wrong);
                }
                scorer.add(HeadOutput.tokens(predicted), example);
            }
        }

        // Gold entities (IOB1): JAPAN LOC, CHINA PER | Nadim Ladki PER | AL-AIN LOC, United Arab Emirates LOC |
        // Japan LOC, China LOC, Syria LOC, Asian Cup MISC: 9. Predicted: CHINA as LOC (wrong), and China
        // and Syria as one LOC (wrong, where gold has two): 8, of which 6 right.
        // P = 6/8, R = 6/9, F1 = 2 * (3/4) * (2/3) / (3/4 + 2/3) = 1 / (17/12) = 12/17; 28 of 30 words right.
        assertEquals(4, sentences.size());
        assertEquals(List.of(new Metric("f1", 12.0 / 17), new Metric("accuracy", 28.0 / 30)), scorer.metrics());
    }

    /** The hand-made mistakes of the conll test: CHINA tagged a place, Syria run into China's chunk. */
    private static String wrongTag(String sentenceId, int word) {
        if (sentenceId.equals("3") && word == 7) {
            return "I-LOC";
        }
        return sentenceId.equals("28") && word == 3 ? "I-LOC" : null;
    }

    private static Example labelled(String id, int label) {
        return new Example("t", "validation", id, new int[] {2, 7, 3}, new int[3], label, new int[0], -1, -1);
    }
}
