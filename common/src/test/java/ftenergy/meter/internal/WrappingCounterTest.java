package ftenergy.meter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WrappingCounterTest {

    @Test
    void increase_isTheDifference() {
        WrappingCounter c = new WrappingCounter(1_000, 262_143_328_850L);
        assertEquals(500, c.advance(1_500));
        assertEquals(0, c.advance(1_500));
    }

    @Test
    void wrapPastMaxRange_countsOnlyTheEnergyAcrossTheWrap() {
        long max = 262_143_328_850L;
        WrappingCounter c = new WrappingCounter(max - 300, max);
        // 300 µJ up to the wrap point, then 700 after it
        assertEquals(1_000, c.advance(700));
        assertEquals(50, c.advance(750));
    }
}
