package ftenergy.amortization;

import ftenergy.stats.AnalysisException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AmortizationTest {

    @Test
    void pretrainEquivalence_isRatioOfPretrainToFinetune() {
        assertEquals(400.0, Amortization.pretrainEquivalence(1000.0, 2.5), 1e-12);
    }

    @Test
    void overheadAndSaving_arePercentages() {
        assertEquals(30.0, Amortization.overheadPercent(300.0, 1000.0), 1e-12);
        assertEquals(40.0, Amortization.savingPercent(2.0, 1.2), 1e-12);
        assertEquals(-20.0, Amortization.savingPercent(1.0, 1.2), 1e-12);
    }

    @Test
    void breakEven_isDistillEnergyOverSavingPerModel() {
        BreakEven result = Amortization.breakEven(30.0, 2.0, 1.5);
        assertEquals(60.0, assertInstanceOf(BreakEven.After.class, result).models(), 1e-12);
        assertEquals("after 60.0 models", result.verdict());
    }

    @Test
    void breakEven_neverWhenStudentIsNotCheaper() {
        BreakEven equal = Amortization.breakEven(10.0, 1.0, 1.0);
        BreakEven dearer = Amortization.breakEven(10.0, 1.0, 1.2);
        assertEquals("never", equal.verdict());
        assertTrue(assertInstanceOf(BreakEven.Never.class, dearer).reason().contains("not cheaper"));
    }

    @Test
    void perModelKwh_addsInferencesInJoules() {
        // 100,000 inferences at 36 J = 3.6 MJ = 1 kWh.
        assertEquals(1.5, Amortization.perModelKwh(0.5, 36.0, 100_000), 1e-12);
        assertEquals(0.5, Amortization.perModelKwh(0.5, Double.NaN, 0), 1e-12);
    }

    @Test
    void breakEvenWithInference_countsInferenceSavings() {
        double teacher = Amortization.perModelKwh(2.0, 72.0, 100_000); // 2 + 2 kWh
        double student = Amortization.perModelKwh(1.5, 36.0, 100_000); // 1.5 + 1 kWh
        assertEquals(20.0, ((BreakEven.After) Amortization.breakEven(30.0, teacher, student)).models(), 1e-9);
    }

    @Test
    void breakEvenWithInference_cheaperInferenceCanRescueAStudentThatFinetunesDearer() {
        assertInstanceOf(BreakEven.Never.class, Amortization.breakEven(10.0, 1.0, 1.2));
        double teacher = Amortization.perModelKwh(1.0, 72.0, 100_000); // 3.0 kWh
        double student = Amortization.perModelKwh(1.2, 36.0, 100_000); // 2.2 kWh
        assertEquals(12.5, ((BreakEven.After) Amortization.breakEven(10.0, teacher, student)).models(), 1e-9);
    }

    @Test
    void invalidEnergies_areRejectedByName() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> Amortization.pretrainEquivalence(10.0, 0.0));
        assertTrue(e.getMessage().contains("fine-tuning energy"), e.getMessage());
        assertThrows(AnalysisException.class, () -> Amortization.breakEven(Double.NaN, 1.0, 0.5));
        assertThrows(AnalysisException.class, () -> Amortization.perModelKwh(1.0, 5.0, -1));
    }
}
