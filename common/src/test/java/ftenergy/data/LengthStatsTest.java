package ftenergy.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LengthStatsTest {

    @Test
    void stats_matchHandCount() {
        int[] lengths = new int[100];
        for (int i = 0; i < 100; i++) {
            lengths[i] = 100 - i;
        }
        LengthStats s = LengthStats.of(lengths);

        assertEquals(new LengthStats(100, 50.5, 50, 95, 100, 5050), s);
        assertEquals(100, lengths[0], "input untouched");
    }

    @Test
    void splits_ignoreInputOrder() {
        List<TextRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(new TextRecord("r" + i, "t", null, "0"));
        }
        Splits<TextRecord> forward = Splits.byId(records, 0.2, 9);
        java.util.Collections.reverse(records);
        Splits<TextRecord> backward = Splits.byId(records, 0.2, 9);

        assertEquals(10, forward.validation().size());
        assertEquals(new java.util.HashSet<>(forward.validation()), new java.util.HashSet<>(backward.validation()));
    }
}
