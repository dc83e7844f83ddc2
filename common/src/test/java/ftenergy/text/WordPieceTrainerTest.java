package ftenergy.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordPieceTrainerTest {

    private static final List<String> TEXTS = List.of(
            "Call me Ishmael. Some years ago, never mind how long precisely, having little or no money in my purse,",
            "and nothing particular to interest me on shore, I thought I would sail about a little and see the watery part of the world.",
            "It is a way I have of driving off the spleen and regulating the circulation.",
            "Whenever I find myself growing grim about the mouth; whenever it is a damp, drizzly November in my soul;",
            "then, I account it high time to get to sea as soon as I can. Sailing, sailed, sails, sailor, sailors.");

    private static Vocabulary train(List<String> texts, int size) {
        WordPieceTrainer trainer = new WordPieceTrainer(new WordPieceConfig(size, true, 1, 1000));
        texts.forEach(trainer::add);
        return trainer.train();
    }

    @Test
    void specialsFirst_thenAlphabet_thenMerges_upToTargetSize() {
        Vocabulary v = train(TEXTS, 200);

        assertEquals(Vocabulary.SPECIALS, v.tokens().subList(0, 5));
        assertEquals(200, v.size());
        assertTrue(v.id("the") > 0, "frequent word learned whole");
        assertTrue(v.id("##a") > 0, "continuation pieces exist");
        assertTrue(v.id("I") < 0 && v.id("i") > 0, "lower-cased");
    }

    @Test
    void sameTextsInAnyOrder_giveSameVocabulary() {
        List<String> shuffled = new ArrayList<>(TEXTS);
        Collections.reverse(shuffled);

        assertEquals(train(TEXTS, 150).tokens(), train(shuffled, 150).tokens());
    }

    @Test
    void smallCorpus_stopsWhenNoPairIsFrequentEnough() {
        Vocabulary v = train(List.of("abc xyz"), 500);

        assertTrue(v.size() < 500);
    }

    @Test
    void vocabularyTooSmallForAlphabet_failsClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> train(TEXTS, 20));
        assertTrue(e.getMessage().contains("cannot hold"));
    }

    @Test
    void trainedVocabulary_roundTripsThroughTokenizerJsonAndDjl(@TempDir Path dir) throws IOException {
        Vocabulary v = train(TEXTS, 220);
        Path json = dir.resolve("tokenizer.json");
        TokenizerFile.write(v, true, json);
        v.writeVocabTxt(dir.resolve("vocab.txt"));

        try (TextTokenizer tok = TextTokenizer.load(json, 64)) {
            Encoded e = tok.encode("Sailing about the watery world.");
            assertEquals(2, e.ids()[0]);
            assertEquals(3, e.ids()[e.length() - 1]);
            assertEquals("sailing about the watery world.", tok.decode(e.ids()));
            for (int id : e.ids()) {
                assertTrue(id != 1, "no [UNK] for text made of seen characters");
            }
        }
        assertEquals(v.tokens(), Vocabulary.readVocabTxt(dir.resolve("vocab.txt")).tokens());
    }
}
