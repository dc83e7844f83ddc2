package ftenergy.report;

import java.util.List;

/**
 * A fine-tuning run's task metric against the emissions it had caused so far (from {@code evals}),
 * one point per evaluation in training order.
 *
 * @param label legend label: model, task, hardware and run id
 * @param metricName the metric (accuracy, f1, exact_match)
 * @param co2Grams emissions so far at each evaluation, grams CO2e, in step order
 * @param metricValues the metric at each evaluation, in step order
 */
public record EvalCurve(String label, String metricName, List<Double> co2Grams, List<Double> metricValues) {

    public EvalCurve {
        co2Grams = List.copyOf(co2Grams);
        metricValues = List.copyOf(metricValues);
        if (co2Grams.size() != metricValues.size()) {
            throw new IllegalArgumentException("curve " + label + ": " + co2Grams.size() + " emissions for " + metricValues.size()
                    + " metric values");
        }
    }
}
