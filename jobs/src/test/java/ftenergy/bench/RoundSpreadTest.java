package ftenergy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoundSpreadTest {

    @Test
    void fiveRounds_quartilesAreTheSecondAndFourthInOrder() {
        RoundSpread s = RoundSpread.of(List.of(0.47, 0.17, 0.30, 0.25, 0.35));
        assertEquals(new RoundSpread(0.17, 0.25, 0.30, 0.35, 0.47), s);
        assertEquals(0.10, s.interquartileRange(), 1e-12);
    }

    @Test
    void evenCount_interpolatesBetweenOrderStatistics() {
        RoundSpread s = RoundSpread.of(List.of(1.0, 2.0, 3.0, 4.0));
        assertEquals(1.75, s.lowerQuartile(), 1e-12);
        assertEquals(2.5, s.median(), 1e-12);
        assertEquals(3.25, s.upperQuartile(), 1e-12);
    }

    @Test
    void oneRound_isItsOwnSpread_andNoneIsRefused() {
        assertEquals(new RoundSpread(2, 2, 2, 2, 2), RoundSpread.of(List.of(2.0)));
        assertThrows(IllegalArgumentException.class, () -> RoundSpread.of(List.of()));
    }
}
