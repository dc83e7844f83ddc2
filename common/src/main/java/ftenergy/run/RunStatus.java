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
}
