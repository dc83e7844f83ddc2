package ftenergy.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    @Test
    void splitsAtStops_notAtAbbreviationsOrInitials() {
        String text = "Mr. Smith went to Washington.  He met Gen. Lee and J. Q. Adams!\nWas it 1820? \"Yes,\" they said. 42 states";

        assertEquals(List.of("Mr. Smith went to Washington.", "He met Gen. Lee and J. Q. Adams!", "Was it 1820?",
                "\"Yes,\" they said.", "42 states"), SentenceSplitter.split(text));
    }

    @Test
    void closingQuoteStaysWithItsSentence() {
        assertEquals(List.of("He said \"stop.\"", "Then he left."), SentenceSplitter.split("He said \"stop.\" Then he left."));
    }
}
