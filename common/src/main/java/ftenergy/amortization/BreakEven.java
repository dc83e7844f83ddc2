package ftenergy.amortization;

import java.util.Locale;

/** When a one-off energy investment (a distillation) is paid back by per-model savings. */
public sealed interface BreakEven permits BreakEven.After, BreakEven.Never {

    /** A short phrase for tables: "after 86.2 models" or "never". */
    String verdict();

    /**
     * Paid back after {@code models} fine-tuned models (each with its inferences, if counted).
     *
     * @param models N* = investment / saving per model; fractional, round up for a count
     */
    record After(double models) implements BreakEven {
        @Override
        public String verdict() {
            return String.format(Locale.ROOT, "after %.3g models", models);
        }
    }

    /**
     * Never paid back, because the cheaper side is not cheaper.
     *
     * @param reason the two per-model energies compared
     */
    record Never(String reason) implements BreakEven {
        @Override
        public String verdict() {
            return "never";
        }
    }
}
