package ftenergy.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.text.TextTokenizer;
import ftenergy.text.TokenizerFile;
import ftenergy.text.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleEncoderTest {

    @TempDir
    static Path dir;

    static Vocabulary vocab;
    static TextTokenizer tokenizer;

    @BeforeAll
    static void load() throws IOException {
        vocab = TokenizerFile.fromVocabTxt(Fixtures.path("bert/vocab.txt"), true, dir.resolve("tokenizer.json"));
        tokenizer = TextTokenizer.load(dir.resolve("tokenizer.json"), 32);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void pairRecord_labelIndexFromTaskLabels_typeIdsForSecondText() {
        TaskInfo rte = new TaskInfo("rte", TaskType.SEQUENCE_CLASSIFICATION, List.of("entailment", "not_entailment"), null);
        Example e = only(new ExampleEncoder(tokenizer, rte).encode("train", new TextRecord("9", "the cat sat", "a dog", "not_entailment")));

        assertEquals("rte", e.task());
        assertEquals("train", e.split());
        assertEquals("9", e.exampleId());
        assertEquals(1, e.label());
        assertEquals(vocab.id("[CLS]"), e.inputIds()[0]);
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 1, 1, 1}, e.typeIds());
        assertEquals(0, e.tokenLabels().length);
        assertEquals(-1, e.spanStart());
    }

    @Test
    void unlabelledRecord_getsMinusOne() {
        Example e = only(new ExampleEncoder(tokenizer, SentimentSentences.INFO).encode("test", new TextRecord("1", "the cat", null, null)));
        assertEquals(-1, e.label());
    }

    @Test
    void taggedRecord_firstSubTokenCarriesTagIndex() {
        TaskInfo ner = new TaskInfo("conll", TaskType.TOKEN_CLASSIFICATION, ConllReader.CONLL2003_NER_TAGS, null);
        Example e = only(new ExampleEncoder(tokenizer, ner)
                .encode("train", new TaggedRecord("3", List.of("Melville", "cats"), List.of("B-PER", "O"))));

        // [CLS] melville cat ##s [SEP]
        assertArrayEquals(new int[] {Example.IGNORE, 1, 0, Example.IGNORE, Example.IGNORE}, e.tokenLabels());
    }

    @Test
    void qaRecord_answerSpanInTokens_unanswerableAtCls_windowCarriesEveryGoldAnswer() {
        ExampleEncoder encoder = new ExampleEncoder(tokenizer, ClozeSpans.INFO);
        String context = "it was written by melville in paris";
        Example answered = only(encoder.encode("train", new QaRecord("q", "who wrote it?", context,
                List.of(new QaRecord.Answer("melville", context.indexOf("melville")),
                        new QaRecord.Answer("by melville", context.indexOf("by melville"))))));
        Example none = only(encoder.encode("train", new QaRecord("n", "who wrote it?", context, List.of())));

        assertEquals("q#0", answered.exampleId());
        assertEquals(vocab.id("melville"), answered.inputIds()[answered.spanStart()]);
        assertEquals(answered.spanStart(), answered.spanEnd());
        assertEquals(1, answered.typeIds()[answered.spanStart()]);
        assertEquals("q", answered.window().questionId());
        assertEquals(List.of("melville", "by melville"), answered.window().goldAnswers());
        assertEquals(-1, answered.window().contextStarts()[0], "[CLS] lies outside the context");
        assertEquals(0, none.spanStart());
        assertEquals(0, none.spanEnd());
        assertEquals(List.of(), none.window().goldAnswers());
    }

    /** Context word i is one token; the question is four, so 16-token windows hold 9 context tokens, stride 4. */
    private static final String WORDS = "the cat sat on mat dog run hello world paris melville wrote it was written by in who a b";
    private static final TaskInfo WINDOWED = new TaskInfo("qa", TaskType.SPAN_QA, List.of(), null,
            QaSettings.squadV1().withWindows(16, 4));

    private static List<Example> windows(String answer) {
        return new ExampleEncoder(tokenizer, WINDOWED).encode("validation", new QaRecord("q", "who wrote it?", WORDS,
                List.of(new QaRecord.Answer(answer, WORDS.indexOf(answer)))));
    }

    @Test
    void answerInTheSecondWindowOnly_labelsThatWindow_othersPointAtCls() {
        // windows hold context words [0,9) [5,14) [10,19) [15,20); "paris" is word 9
        List<Example> windows = windows("paris");

        assertEquals(List.of("q#0", "q#1", "q#2", "q#3"), windows.stream().map(Example::exampleId).toList());
        assertEquals(List.of(0, 0, 0), List.of(windows.get(0).spanStart(), windows.get(2).spanStart(), windows.get(3).spanStart()));
        Example second = windows.get(1);
        assertEquals(vocab.id("paris"), second.inputIds()[second.spanStart()]);
        assertEquals("paris", second.window().text(new ftenergy.text.TokenSpan(second.spanStart(), second.spanEnd())));
        assertTrue(windows.stream().allMatch(w -> w.length() <= 16 && w.window().questionId().equals("q")));
    }

    @Test
    void answerAcrossAWindowBoundary_isOnlyLabelledWhereItFitsWhole() {
        // words 8..10: window 0 ends at 8, window 2 starts at 10; only window 1 holds all three
        List<Example> windows = windows("world paris melville");

        assertEquals(0, windows.get(0).spanStart(), "cut at the window's end");
        assertEquals(0, windows.get(2).spanStart(), "begins before the window's start");
        Example second = windows.get(1);
        assertEquals(2, second.spanEnd() - second.spanStart());
        assertEquals("world paris melville",
                second.window().text(new ftenergy.text.TokenSpan(second.spanStart(), second.spanEnd())));
    }

    @Test
    void encodeAll_listAndIterator_keepTheWindowsOfAQuestionTogetherInOrder() {
        List<QaRecord> records = List.of(new QaRecord("a", "who?", WORDS, List.of()), new QaRecord("b", "who?", "the cat", List.of()));

        List<Example> examples = new ExampleEncoder(tokenizer, WINDOWED).encodeAll("train", records);
        List<Example> lazily = new java.util.ArrayList<>();
        new ExampleEncoder(tokenizer, WINDOWED).encodeAll("train", records.iterator()).forEachRemaining(lazily::add);

        // "who?" is two tokens: 11 context tokens per window, step 7: [0,11) [7,18) [14,20), then "b" in one
        assertEquals(List.of("a#0", "a#1", "a#2", "b#0"), examples.stream().map(Example::exampleId).toList());
        assertEquals(examples.stream().map(Example::exampleId).toList(), lazily.stream().map(Example::exampleId).toList());
    }

    @Test
    void unknownLabel_orWrongRecordKind_failsNamingRecordAndTask() {
        ExampleEncoder encoder = new ExampleEncoder(tokenizer, SentimentSentences.INFO);
        TaskDataException label = assertThrows(TaskDataException.class,
                () -> encoder.encode("train", new TextRecord("r7", "the cat", null, "2")));
        TaskDataException kind = assertThrows(TaskDataException.class,
                () -> encoder.encode("train", new TaggedRecord("r8", List.of("the"), List.of("at"))));

        assertTrue(label.getMessage().contains("r7") && label.getMessage().contains("'2'"), label.getMessage());
        assertTrue(kind.getMessage().contains("TaggedRecord") && kind.getMessage().contains("SEQUENCE_CLASSIFICATION"), kind.getMessage());
    }

    private static Example only(List<Example> examples) {
        assertEquals(1, examples.size(), "examples of one record");
        return examples.get(0);
    }
}
