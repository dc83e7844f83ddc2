package ftenergy.analyze;

import java.util.List;

/**
 * The predictor sets energy is regressed on. Padded and real tokens are fitted separately: padded
 * tokens are what the accelerator computes on (the paper's finding), real tokens what a naive count
 * sees; comparing their fits shows what dynamic padding costs.
 */
public enum PredictorSet {
    /** Tokens including dynamic padding: the predictor {@code sweep --plan} uses. */
    TOKENS_PADDED(List.of("tokens_padded")),
    /** Non-padding tokens only. */
    TOKENS_REAL(List.of("tokens_real")),
    /** Wall time of the metered window. */
    DURATION(List.of("duration_s")),
    /** Optimisation steps (forward passes for inference). */
    STEPS(List.of("steps")),
    /** Examples processed, repeats across epochs counted. */
    EXAMPLES(List.of("examples")),
    /** Tokens, time and steps together, to see which carries the variance. */
    JOINT(List.of("tokens_padded", "duration_s", "steps"));

    private final List<String> columns;

    PredictorSet(List<String> columns) {
        this.columns = columns;
    }

    /** The {@code runs} columns, in coefficient order. */
    public List<String> columns() {
        return columns;
    }

    /** The label stored in {@code regressions.predictor_set}: the columns joined by '+'. */
    public String label() {
        return String.join("+", columns);
    }

    /**
     * The intercept choices fitted. No work means no energy, so a line through the origin is
     * meaningful for each single predictor, and comparing it with the intercept fit shows the
     * fixed per-run cost. The joint model is for attribution between predictors, where the
     * intercept absorbs that fixed cost; a second, origin-constrained joint fit adds nothing.
     */
    public List<Boolean> interceptChoices() {
        return columns.size() == 1 ? List.of(true, false) : List.of(true);
    }

    /** Every predictor column any set uses. */
    public static List<String> allColumns() {
        return List.of("tokens_padded", "tokens_real", "duration_s", "steps", "examples");
    }
}
