package ftenergy.report;

import java.util.List;

/**
 * A run's evaluation metric against the emissions it had caused so far (from {@code evals}).
 *
 * @param label legend label: model, task, hardware and run id
 * @param metricName the metric
 * @param co2Grams emissions so far at each evaluation, grams CO2e
 * @param metricValues the metric at each evaluation
 */
public record EvalCurve(String label, String metricName, List<Double> co2Grams, List<Double> metricValues) {

    public EvalCurve {
        co2Grams = List.copyOf(co2Grams);
        metricValues = List.copyOf(metricValues);
    }
}
