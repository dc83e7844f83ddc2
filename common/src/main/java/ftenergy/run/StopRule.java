package ftenergy.run;

import java.io.Serializable;
import java.util.Locale;

/**
 * Ends a fine-tuning run early once an evaluation reaches a target: the energy a sweep spends
 * after a run is already good enough is the easiest energy to save.
 *
 * <p>Metrics whose name ends in {@code loss} must fall to the target; every other metric
 * (accuracy, f1, exact match) must rise to it.
 *
 * @param metric evaluation metric the rule watches, as the run reports it ({@code accuracy}, {@code f1}, ...)
 * @param target value that ends the run once reached
 */
public record StopRule(String metric, double target) implements Serializable {

    public StopRule {
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("a stop rule needs a metric name");
        }
        if (!Double.isFinite(target)) {
            throw new IllegalArgumentException("stop target must be finite, was " + target);
        }
    }

    /** Whether lower values of the metric are better. */
    public boolean minimises() {
        return metric.endsWith("loss");
    }

    /** Whether an evaluation of {@code name} with {@code value} reaches the target. */
    public boolean reachedBy(String name, double value) {
        if (!metric.equals(name) || Double.isNaN(value)) {
            return false;
        }
        return minimises() ? value <= target : value >= target;
    }

    /** Parses {@link #toString()}'s form, {@code metric>=target} or {@code metric<=target}. */
    public static StopRule parse(String text) {
        int at = Math.max(text.indexOf(">="), text.indexOf("<="));
        if (at <= 0) {
            throw new IllegalArgumentException("not a stop rule (metric>=target or metric<=target): '" + text + "'");
        }
        StopRule rule = new StopRule(text.substring(0, at), Double.parseDouble(text.substring(at + 2)));
        if (!rule.toString().equals(text)) {
            throw new IllegalArgumentException("stop rule '" + text + "' compares the wrong way for its metric; it reads as " + rule);
        }
        return rule;
    }

    /** The rule as one readable, stable string, e.g. {@code accuracy>=0.9}; part of the run id. */
    @Override
    public String toString() {
        return metric + (minimises() ? "<=" : ">=") + String.format(Locale.ROOT, "%s", target);
    }
}
