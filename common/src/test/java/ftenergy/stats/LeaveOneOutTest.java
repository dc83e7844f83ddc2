package ftenergy.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** x = 1..5, y = 1, 3, 2, 5, 4: fit 0.6 + 0.8x, leverages 1/5 + (x − 3)²/10. */
class LeaveOneOutTest {

    static final double[][] X = {{1}, {2}, {3}, {4}, {5}};
    static final double[] Y = {1, 3, 2, 5, 4};

    @Test
    void leverages_matchTextbookFormula() {
        assertArrayEquals(new double[] {0.6, 0.3, 0.2, 0.3, 0.6}, LeaveOneOut.leverages(X, true), 1e-12);
        // Through the origin: h_ii = x_i² / Σx² = x_i² / 55.
        assertArrayEquals(new double[] {1 / 55.0, 4 / 55.0, 9 / 55.0, 16 / 55.0, 25 / 55.0}, LeaveOneOut.leverages(X, false), 1e-12);
    }

    @Test
    void leverages_surviveTokenScaleColumns() {
        double[][] big = {{1e8}, {2e8}, {3e8}, {4e8}, {5e8}};
        assertArrayEquals(new double[] {0.6, 0.3, 0.2, 0.3, 0.6}, LeaveOneOut.leverages(big, true), 1e-9);
    }

    @Test
    void mape_equalsRefittingWithoutEachRow() {
        // Held-out residuals e_i/(1-h_ii): -1.0, 8/7, -1.25, 12/7, -1.5 (dropping x=1 refits 1.4 + 0.6x, predicting 2.0).
        double expected = 100.0 / 5 * (1.0 / 1 + (8.0 / 7) / 3 + 1.25 / 2 + (12.0 / 7) / 5 + 1.5 / 4);
        assertEquals(expected, LeaveOneOut.mapePercent(RegressionFitTest.withIntercept(Double.NaN), X, Y), 1e-9);
    }

    @Test
    void collinearDesign_isRejected() {
        double[][] x = {{1, 2}, {2, 4}, {3, 6}};
        assertThrows(AnalysisException.class, () -> LeaveOneOut.leverages(x, true));
    }
}
