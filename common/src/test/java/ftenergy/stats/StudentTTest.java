package ftenergy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StudentTTest {

    @Test
    void quantiles_matchTables() {
        assertEquals(12.706204736, StudentT.quantile(0.975, 1), 1e-6);
        assertEquals(3.182446305, StudentT.quantile(0.975, 3), 1e-8);
        assertEquals(2.228138852, StudentT.quantile(0.975, 10), 1e-8);
        assertEquals(4.032142984, StudentT.quantile(0.995, 5), 1e-8);
        assertEquals(1.962339081, StudentT.quantile(0.975, 1000), 1e-7);
        assertEquals(-2.228138852, StudentT.quantile(0.025, 10), 1e-8);
    }

    @Test
    void quantiles_areSymmetricAroundZero() {
        assertEquals(0.0, StudentT.quantile(0.5, 5), 1e-12);
        // t with 1 degree of freedom is Cauchy: P(T <= 1) = 3/4.
        assertEquals(1.0, StudentT.quantile(0.75, 1), 1e-10);
        assertEquals(-StudentT.quantile(0.9, 7), StudentT.quantile(0.1, 7), 1e-10);
    }

    @Test
    void invalidArguments_failNamingTheValue() {
        AnalysisException p = assertThrows(AnalysisException.class, () -> StudentT.quantile(1.0, 5));
        assertTrue(p.getMessage().contains("probability < 1, got 1.0"), p.getMessage());
        AnalysisException df = assertThrows(AnalysisException.class, () -> StudentT.quantile(0.5, 0));
        assertTrue(df.getMessage().contains("degrees of freedom > 0, got 0.0"), df.getMessage());
        assertThrows(AnalysisException.class, () -> StudentT.quantile(0.5, Double.NaN));
    }
}
