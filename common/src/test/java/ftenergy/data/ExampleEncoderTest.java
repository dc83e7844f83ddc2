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
        Example e = new ExampleEncoder(tokenizer, rte).encode("train", new TextRecord("9", "the cat sat", "a dog", "not_entailment"));

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
        Example e = new ExampleEncoder(tokenizer, SentimentSentences.INFO).encode("test", new TextRecord("1", "the cat", null, null));
        assertEquals(-1, e.label());
    }

    @Test
    void taggedRecord_firstSubTokenCarriesTagIndex() {
        TaskInfo ner = new TaskInfo("conll", TaskType.TOKEN_CLASSIFICATION, ConllReader.CONLL2003_NER_TAGS, null);
        Example e = new ExampleEncoder(tokenizer, ner)
                .encode("train", new TaggedRecord("3", List.of("Melville", "cats"), List.of("B-PER", "O")));

        // [CLS] melville cat ##s [SEP]
        assertArrayEquals(new int[] {Example.IGNORE, 1, 0, Example.IGNORE, Example.IGNORE}, e.tokenLabels());
    }

    @Test
    void qaRecord_answerSpanInTokens_unanswerableAtCls() {
        ExampleEncoder encoder = new ExampleEncoder(tokenizer, ClozeSpans.INFO);
        String context = "it was written by melville in paris";
        Example answered = encoder.encode("train", new QaRecord("q", "who wrote it?", context,
                List.of(new QaRecord.Answer("melville", context.indexOf("melville")))));
        Example none = encoder.encode("train", new QaRecord("n", "who wrote it?", context, List.of()));

        assertEquals(vocab.id("melville"), answered.inputIds()[answered.spanStart()]);
        assertEquals(answered.spanStart(), answered.spanEnd());
        assertEquals(1, answered.typeIds()[answered.spanStart()]);
        assertEquals(0, none.spanStart());
        assertEquals(0, none.spanEnd());
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
}
