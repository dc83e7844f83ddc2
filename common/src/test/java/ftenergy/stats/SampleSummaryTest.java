package ftenergy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SampleSummaryTest {

    @Test
    void summary_usesSampleStandardDeviation() {
        SampleSummary s = SampleSummary.of(2, 4, 4, 4, 5, 5, 7, 9);
        assertEquals(8, s.n());
        assertEquals(5.0, s.mean(), 1e-12);
        assertEquals(Math.sqrt(32.0 / 7.0), s.standardDeviation(), 1e-12);
        assertEquals(Math.sqrt(32.0 / 7.0) / 5.0, s.coefficientOfVariation(), 1e-12);
        assertEquals(2.0, s.min());
        assertEquals(9.0, s.max());
    }

    @Test
    void singleValue_hasNoSpread() {
        assertEquals(0.0, SampleSummary.of(3.0).coefficientOfVariation());
    }

    @Test
    void emptyOrNonFinite_isRejected() {
        assertThrows(AnalysisException.class, SampleSummary::of);
        assertTrue(assertThrows(AnalysisException.class, () -> SampleSummary.of(1.0, Double.NaN)).getMessage().contains("1"));
    }

    @Test
    void mape_isMeanAbsolutePercentage() {
        assertEquals(10.0, Mape.percent(new double[] {100, 200}, new double[] {110, 180}), 1e-12);
    }

    @Test
    void mape_rejectsZeroActualAndLengthMismatch() {
        assertThrows(AnalysisException.class, () -> Mape.percent(new double[] {0, 1}, new double[] {1, 1}));
        assertThrows(AnalysisException.class, () -> Mape.percent(new double[] {1, 1}, new double[] {1}));
    }
}
