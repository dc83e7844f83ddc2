package ftenergy.data.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DetokenizerTest {

    @Test
    void joinsLikeRunningText_andRecordsTokenStarts() {
        List<String> tokens = List.of("``", "Only", "a", "handful", "''", ",", "the", "jury", "said", "(", "Friday", ")", ".");
        Detokenizer.Joined j = Detokenizer.join(tokens);

        assertEquals("\"Only a handful\", the jury said (Friday).", j.text());
        for (int i = 0; i < tokens.size(); i++) {
            String surface = Detokenizer.surface(tokens.get(i));
            assertEquals(surface, j.text().substring(j.starts()[i], j.starts()[i] + surface.length()), "token " + i);
        }
        assertArrayEquals(new int[] {0, 1}, new int[] {j.starts()[0], j.starts()[1]});
    }

    @Test
    void coarseTag_dropsTitleHeadlineForeignAndCompoundParts() {
        assertEquals("nn", BrownCorpus.coarseTag("NN-TL"));
        assertEquals("np$", BrownCorpus.coarseTag("np$-hl"));
        assertEquals("nn", BrownCorpus.coarseTag("fw-nn-tl"));
        assertEquals("ppss", BrownCorpus.coarseTag("ppss+bem"));
        assertEquals("bez*", BrownCorpus.coarseTag("bez*"));
        assertEquals("--", BrownCorpus.coarseTag("--"));
    }
}
