package ftenergy.predict;

/**
 * One evaluation number.
 *
 * @param name metric name as written to {@code evals.metric_name}
 * @param value its value
 */
public record Metric(String name, double value) {}
