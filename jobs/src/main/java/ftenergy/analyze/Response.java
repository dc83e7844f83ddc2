package ftenergy.analyze;

/**
 * The energy a regression explains: two views of a run, fitted side by side so that what the
 * training loop costs can be told from what the run around it costs.
 */
public enum Response {
    /** The whole run: everything its meter window saw (loading, loop, evaluation, checkpoints), the paper's view. */
    WHOLE_RUN("energy_kwh", "whole run"),
    /** The training loop alone (inference: the batches), without setup, evaluation and checkpoints. */
    TRAINING_LOOP("energy_steps_kwh", "training loop");

    private final String column;
    private final String label;

    Response(String column, String label) {
        this.column = column;
        this.label = label;
    }

    /** The {@code runs} column fitted, also {@code regressions.response}. */
    public String column() {
        return column;
    }

    /** A short name for reports: "whole run" or "training loop". */
    public String label() {
        return label;
    }

    /** The response stored as {@code column}; fails naming the known ones. */
    public static Response of(String column) {
        for (Response r : values()) {
            if (r.column.equals(column)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no regression response '" + column + "'; known: energy_kwh, energy_steps_kwh");
    }
}
