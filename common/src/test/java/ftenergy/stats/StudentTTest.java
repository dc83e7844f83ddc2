package ftenergy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void cdf_isSymmetricAroundZero() {
        assertEquals(0.5, StudentT.cdf(0, 5), 1e-15);
        assertEquals(1.0, StudentT.cdf(1.5, 7) + StudentT.cdf(-1.5, 7), 1e-14);
        // t with 1 degree of freedom is Cauchy: P(T <= 1) = 3/4.
        assertEquals(0.75, StudentT.cdf(1.0, 1), 1e-12);
    }

    @Test
    void invalidArguments_areRejected() {
        assertThrows(AnalysisException.class, () -> StudentT.quantile(1.0, 5));
        assertThrows(AnalysisException.class, () -> StudentT.cdf(1.0, 0));
    }
}
