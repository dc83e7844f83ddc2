package ftenergy.run;

import java.util.Locale;

/** The four kinds of run whose energy the project compares. */
public enum RunKind {
    PRETRAIN,
    DISTILL,
    FINETUNE,
    INFERENCE;

    /** The lower-case name used in configs and in the {@code runs.kind} column. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #label()}; fails with the list of valid kinds. */
    public static RunKind parse(String label) {
        for (RunKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(
                "unknown run kind '" + label + "'; expected one of pretrain, distill, finetune, inference");
    }
}
