package ftenergy.run;

import java.util.Locale;

/** How a run attempt ended, as written to {@code runs.status}. */
public enum RunStatus {
    SUCCEEDED,
    FAILED,
    DIVERGED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #label()}; fails naming the valid statuses. */
    public static RunStatus parse(String label) {
        for (RunStatus status : values()) {
            if (status.label().equals(label)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown run status '" + label + "'; expected succeeded, failed or diverged");
    }
}
