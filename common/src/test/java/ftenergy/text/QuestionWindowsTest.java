package ftenergy.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionWindowsTest {

    /** Twenty words of the fixture vocabulary, one token each: context token i is word i. */
    static final List<String> WORDS = List.of("the", "cat", "sat", "on", "mat", "dog", "run", "hello", "world", "paris",
            "melville", "wrote", "it", "was", "written", "by", "in", "who", "a", "b");
    static final String CONTEXT = String.join(" ", WORDS);
    /** who wrote it ? : four tokens, so a 16-token window holds 16 - 4 - 3 = 9 context tokens. */
    static final String QUESTION = "who wrote it?";

    @TempDir
    static Path dir;

    static Vocabulary vocab;
    static TextTokenizer tokenizer;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        Path vocabTxt = Path.of(QuestionWindowsTest.class.getResource("/fixtures/bert/vocab.txt").toURI());
        vocab = TokenizerFile.fromVocabTxt(vocabTxt, true, dir.resolve("tokenizer.json"));
        // The tokenizer's own limit does not bound the whole encoding windows are cut from.
        tokenizer = TextTokenizer.load(dir.resolve("tokenizer.json"), 8);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void whole_keepsEveryContextToken() {
        Encoded whole = tokenizer.encodeQuestionContextWhole(QUESTION, CONTEXT);

        assertEquals(1 + 4 + 1 + 20 + 1, whole.length());
        assertFalse(whole.truncated());
    }

    @Test
    void windows_holdRoomTokensEach_stepRoomMinusStride_lastReachesTheEnd() {
        List<Encoded> windows = QuestionWindows.split(tokenizer.encodeQuestionContextWhole(QUESTION, CONTEXT), 16, 4);

        // room 9, step 9 - 4 = 5: context tokens [0,9) [5,14) [10,19) [15,20)
        assertEquals(List.of(List.of(0, 8), List.of(5, 13), List.of(10, 18), List.of(15, 19)),
                windows.stream().map(QuestionWindowsTest::contextWordRange).toList());
        for (Encoded w : windows) {
            assertTrue(w.length() <= 16, "window of " + w.length() + " tokens");
            assertArrayEquals(ids("[CLS]", "who", "wrote", "it", "?", "[SEP]"), Arrays.copyOf(w.ids(), 6));
            assertEquals(vocab.id("[SEP]"), w.ids()[w.length() - 1]);
            assertEquals(1, w.typeIds()[w.length() - 1], "the final [SEP] belongs to the context segment");
            assertEquals(0, w.typeIds()[5]);
            assertEquals(1, w.typeIds()[6]);
            assertTrue(w.truncated());
        }
    }

    @Test
    void consecutiveWindows_shareExactlyStrideContextTokens() {
        List<Encoded> windows = QuestionWindows.split(tokenizer.encodeQuestionContextWhole(QUESTION, CONTEXT), 16, 4);

        for (int k = 0; k + 1 < windows.size(); k++) {
            int[] previous = contextStarts(windows.get(k));
            int[] next = contextStarts(windows.get(k + 1));
            int shared = 0;
            for (int start : next) {
                shared += Arrays.stream(previous).anyMatch(s -> s == start) ? 1 : 0;
            }
            assertEquals(4, shared, "windows " + k + " and " + (k + 1));
            assertArrayEquals(Arrays.copyOfRange(previous, previous.length - 4, previous.length), Arrays.copyOf(next, 4));
        }
    }

    @Test
    void shortContext_isOneWindow_equalToTheTruncatingEncoding() {
        try (TextTokenizer wide = TextTokenizer.load(dir.resolve("tokenizer.json"), 64)) {
            Encoded whole = wide.encodeQuestionContextWhole(QUESTION, "the cat sat");
            List<Encoded> windows = QuestionWindows.split(whole, 64, 16);

            assertEquals(1, windows.size());
            assertArrayEquals(wide.encodeQuestionContext(QUESTION, "the cat sat").ids(), windows.get(0).ids());
            assertFalse(windows.get(0).truncated());
        }
    }

    @Test
    void questionTooLongForTheWindow_isCutToLeaveStridePlusOneContextTokens() {
        List<Encoded> windows = QuestionWindows.split(tokenizer.encodeQuestionContextWhole(CONTEXT, "the cat sat on"), 12, 2);

        // 12 - 3 - (2 + 1) = 6 question tokens kept, 3 context tokens per window, step 1
        assertEquals(2, windows.size());
        assertArrayEquals(ids("[CLS]", "the", "cat", "sat", "on", "mat", "dog", "[SEP]", "the", "cat", "sat", "[SEP]"),
                windows.get(0).ids());
        assertEquals(List.of(1, 3), contextWordRange(windows.get(1)));
    }

    @Test
    void notAQuestionContextPair_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> QuestionWindows.split(tokenizer.encode("the cat"), 16, 4));
    }

    /** First and last context word index in a window (context words are one token each). */
    private static List<Integer> contextWordRange(Encoded window) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < window.length(); i++) {
            if (window.sequenceIds()[i] == 1) {
                last = window.wordIds()[i];
                first = first < 0 ? last : first;
            }
        }
        return List.of(first, last);
    }

    private static int[] contextStarts(Encoded window) {
        return java.util.stream.IntStream.range(0, window.length()).filter(i -> window.sequenceIds()[i] == 1)
                .map(i -> window.charStarts()[i]).toArray();
    }

    private int[] ids(String... tokens) {
        return Arrays.stream(tokens).mapToInt(vocab::id).toArray();
    }
}
