package ftenergy.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.text.internal.BertPreTokenization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextTokenizerTest {

    @TempDir
    static Path dir;

    static Vocabulary vocab;
    static TextTokenizer tokenizer;

    @BeforeAll
    static void loadBertStyleVocab() throws IOException, URISyntaxException {
        Path vocabTxt = Path.of(TextTokenizerTest.class.getResource("/fixtures/bert/vocab.txt").toURI());
        vocab = TokenizerFile.fromVocabTxt(vocabTxt, true, dir.resolve("tokenizer.json"));
        tokenizer = TextTokenizer.load(dir.resolve("tokenizer.json"), 16);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    private int[] ids(String... tokens) {
        return java.util.Arrays.stream(tokens).mapToInt(vocab::id).toArray();
    }

    @Test
    void vocabTxt_specialIdsComeFromTheFile_notFromConvention() {
        assertEquals(5, vocab.id("[CLS]"));
        Encoded e = tokenizer.encode("The cats sat.");

        assertArrayEquals(ids("[CLS]", "the", "cat", "##s", "sat", ".", "[SEP]"), e.ids());
        assertArrayEquals(new int[7], e.typeIds());
        assertFalse(e.truncated());
    }

    @Test
    void roundTrip_decodeGivesNormalisedText() {
        Encoded e = tokenizer.encode("Hello WÖRLD, the dog was running!");

        assertEquals("hello world, the dog was running!", tokenizer.decode(e.ids()));
    }

    @Test
    void unknownCharacters_becomeUnk() {
        assertEquals(List.of("[CLS]", "[UNK]", "cat", "[SEP]"), tokenizer.tokenize("€ cat"));
    }

    @Test
    void pair_typeIdsMarkSecondText_andLongerTextIsCutFirst() {
        Encoded e = tokenizer.encodePair("the cat", "the dog was running on the mat in paris by the cat");

        assertEquals(16, e.length());
        assertTrue(e.truncated());
        assertArrayEquals(ids("[CLS]", "the", "cat", "[SEP]"), java.util.Arrays.copyOf(e.ids(), 4));
        assertEquals(vocab.id("[SEP]"), e.ids()[15]);
        assertEquals(0, e.typeIds()[3]);
        assertEquals(1, e.typeIds()[4]);
        assertEquals(1, e.typeIds()[15]);
    }

    @Test
    void single_isTruncatedToMaxLength_endingWithSep() {
        Encoded e = tokenizer.encode("the cat sat on the mat ".repeat(5));

        assertEquals(16, e.length());
        assertEquals(vocab.id("[SEP]"), e.ids()[15]);
        assertTrue(e.truncated());
    }

    @Test
    void words_firstSubTokenCarriesLabel() {
        Encoded e = tokenizer.encodeWords(List.of("Cats", "running", "on", "mats."));
        int[] labels = LabelAlignment.firstSubToken(e, new int[] {1, 2, 3, 4}, -100);

        assertArrayEquals(ids("[CLS]", "cat", "##s", "run", "##n", "##ing", "on", "mat", "##s", ".", "[SEP]"), e.ids());
        assertArrayEquals(new int[] {-100, 1, -100, 2, -100, -100, 3, 4, -100, -100, -100}, labels);
    }

    @Test
    void questionContext_answerCharsMapToTokens_andCutAnswerIsNoAnswer() {
        String context = "it was written by melville in paris";
        int start = context.indexOf("melville");
        Encoded e = tokenizer.encodeQuestionContext("who wrote it?", context);

        TokenSpan span = SpanAlignment.toTokens(e, 1, start, start + "melville".length());

        assertEquals(vocab.id("melville"), e.ids()[span.start()]);
        assertEquals(span.start(), span.end());
        TokenSpan two = SpanAlignment.toTokens(e, 1, context.indexOf("in paris"), context.length());
        assertArrayEquals(ids("in", "paris"), new int[] {e.ids()[two.start()], e.ids()[two.end()]});

        Encoded cut = tokenizer.encodeQuestionContext("who wrote it?", "the cat sat on the mat and the dog sat on the mat " + context);
        String longContext = "the cat sat on the mat and the dog sat on the mat " + context;
        int late = longContext.indexOf("melville");
        assertEquals(TokenSpan.NO_ANSWER, SpanAlignment.toTokens(cut, 1, late, late + 8));
        assertEquals(vocab.id("who"), cut.ids()[1], "question is never cut");
    }

    @Test
    void longText_cutBeforeTokenizing_givesSameTokensAsWholeText() throws IOException {
        // Long enough to take the head path (256 characters at max length 16), short enough that the
        // reference, which tokenizes everything, stays fast.
        String text = "the cat sat on the mat and the dog was running in paris ".repeat(60);
        String pairText = "hello world ".repeat(3);
        try (ai.djl.huggingface.tokenizers.HuggingFaceTokenizer whole = ai.djl.huggingface.tokenizers.HuggingFaceTokenizer
                .builder().optTokenizerPath(dir.resolve("tokenizer.json")).optTruncation(true).optMaxLength(16).build()) {
            assertArrayEquals(java.util.Arrays.stream(whole.encode(text).getIds()).mapToInt(Math::toIntExact).toArray(),
                    tokenizer.encode(text).ids());
            assertArrayEquals(java.util.Arrays.stream(whole.encode(pairText, text).getIds()).mapToInt(Math::toIntExact).toArray(),
                    tokenizer.encodePair(pairText, text).ids());
            assertArrayEquals(java.util.Arrays.stream(whole.encode(text, text).getIds()).mapToInt(Math::toIntExact).toArray(),
                    tokenizer.encodePair(text, text).ids());
        }
    }

    @Test
    void questionLongerThanMaxLength_isCutInsteadOfFailing() {
        Encoded e = tokenizer.encodeQuestionContext("who wrote it on the mat in paris by the cat who was running?", "the cat sat");

        assertEquals(16, e.length());
        assertEquals(1, e.typeIds()[15]);
    }

    @Test
    void loadJson_fromText_encodesLikeTheFile() throws IOException {
        try (TextTokenizer fromText = TextTokenizer.loadJson(java.nio.file.Files.readString(dir.resolve("tokenizer.json")), 16)) {
            assertArrayEquals(tokenizer.encode("the cats sat").ids(), fromText.encode("the cats sat").ids());
        }
    }

    @Test
    void missingFile_namesIt() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> TextTokenizer.load(dir.resolve("nope.json"), 16));
        assertTrue(e.getMessage().contains("nope.json"));
    }

    @Test
    void javaPreTokenization_matchesHuggingFaceWords() {
        try (TextTokenizer wide = TextTokenizer.load(dir.resolve("tokenizer.json"), 256)) {
            assertSameWords(wide);
        }
    }

    private static void assertSameWords(TextTokenizer wide) {
        String text = "Hello, Wörld! It's 3.5 cats—\"quoted\" (yes) \u00e9t\u00e9 中文";
        List<String> ours = BertPreTokenization.words(text, true);
        Encoded e = wide.encode(text);
        List<String> theirs = new java.util.ArrayList<>();
        String normalizedPieces = String.join(" ", ours);
        int previous = -1;
        for (int i = 1; i < e.length() - 1; i++) {
            if (e.wordIds()[i] != previous) {
                theirs.add(text.substring(e.charStarts()[i], e.charEnds()[i]));
                previous = e.wordIds()[i];
            }
        }
        assertEquals(ours.size(), theirs.size(), normalizedPieces + " vs " + theirs);
        assertEquals(ours.get(2), "world");
        assertEquals(theirs.get(2), "Wörld");
    }
}
