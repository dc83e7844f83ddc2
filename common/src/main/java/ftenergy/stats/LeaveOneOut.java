package ftenergy.stats;

/**
 * Exact leave-one-out cross-validation of an ordinary-least-squares fit without refitting: the
 * residual of row i under the fit on the other rows is e_i / (1 − h_ii), where h_ii is the row's
 * leverage, the diagonal of the hat matrix X(XᵀX)⁻¹Xᵀ. One fit then yields n held-out predictions.
 */
public final class LeaveOneOut {

    /** Leverage this close to 1 means the row alone determines a coefficient: its held-out prediction is undefined. */
    private static final double MAX_LEVERAGE = 1 - 1e-9;

    private LeaveOneOut() {}

    /**
     * Held-out MAPE of {@code fit} over the rows it was fitted on; NaN when a row has leverage 1.
     *
     * @param x predictor values, one row per run, in the fit's predictor order
     * @param y the response of each row
     */
    public static double mapePercent(RegressionFit fit, double[][] x, double[] y) {
        double[] leverage = leverages(x, fit.withIntercept());
        double[] predicted = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            if (leverage[i] > MAX_LEVERAGE) {
                return Double.NaN;
            }
            double residual = y[i] - fit.predict(x[i]);
            predicted[i] = y[i] - residual / (1 - leverage[i]);
        }
        return Mape.percent(y, predicted);
    }

    /**
     * Diagonal of the hat matrix of design {@code x} (plus a column of ones with an intercept).
     * Columns are scaled to unit root-mean-square first: leverages do not change under column
     * scaling, and token counts (~1e8) next to a column of ones would make XᵀX near-singular in
     * floating point.
     */
    public static double[] leverages(double[][] x, boolean withIntercept) {
        int n = x.length;
        int p = (n == 0 ? 0 : x[0].length) + (withIntercept ? 1 : 0);
        double[][] design = new double[n][p];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], 0, design[i], 0, x[i].length);
            if (withIntercept) {
                design[i][p - 1] = 1.0;
            }
        }
        for (int j = 0; j < p; j++) {
            double squares = 0;
            for (double[] row : design) {
                squares += row[j] * row[j];
            }
            double rms = Math.sqrt(squares / n);
            if (rms == 0) {
                throw new AnalysisException("predictor column " + j + " is all zero: leverages are undefined");
            }
            for (double[] row : design) {
                row[j] /= rms;
            }
        }
        double[][] inverse = invert(gram(design, p));
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    sum += design[i][a] * inverse[a][b] * design[i][b];
                }
            }
            h[i] = sum;
        }
        return h;
    }

    private static double[][] gram(double[][] design, int p) {
        double[][] g = new double[p][p];
        for (double[] row : design) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    g[a][b] += row[a] * row[b];
                }
            }
        }
        return g;
    }

    /** Gauss-Jordan inversion with partial pivoting; the matrices here are at most 4 × 4. */
    private static double[][] invert(double[][] matrix) {
        int p = matrix.length;
        double[][] a = new double[p][2 * p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(matrix[i], 0, a[i], 0, p);
            a[i][p + i] = 1.0;
        }
        for (int col = 0; col < p; col++) {
            int pivot = col;
            for (int r = col + 1; r < p; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-12) {
                throw new AnalysisException("design matrix is singular (collinear predictors): leverages are undefined");
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            double scale = a[col][col];
            for (int k = 0; k < 2 * p; k++) {
                a[col][k] /= scale;
            }
            for (int r = 0; r < p; r++) {
                if (r != col && a[r][col] != 0) {
                    double factor = a[r][col];
                    for (int k = 0; k < 2 * p; k++) {
                        a[r][k] -= factor * a[col][k];
                    }
                }
            }
        }
        double[][] inverse = new double[p][p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(a[i], p, inverse[i], 0, p);
        }
        return inverse;
    }
}
