package ftenergy.report;

/**
 * One analysable run as the scatter figures see it (columns of {@code runs}).
 *
 * @param hardware runs.hardware
 * @param kind runs.kind
 * @param model runs.model
 * @param task runs.task
 * @param energyKwh runs.energy_kwh
 * @param tokensPadded runs.tokens_padded
 * @param durationSeconds runs.duration_s
 * @param steps runs.steps
 * @param examples runs.examples
 */
public record RunPoint(String hardware, String kind, String model, String task, double energyKwh, double tokensPadded,
        double durationSeconds, double steps, double examples) {

    /** The value of a predictor column of {@code runs} ({@code tokens_padded}, {@code duration_s}, {@code steps}, {@code examples}). */
    public double value(String column) {
        return switch (column) {
            case "tokens_padded" -> tokensPadded;
            case "duration_s" -> durationSeconds;
            case "steps" -> steps;
            case "examples" -> examples;
            default -> throw new IllegalArgumentException("no scatter column '" + column + "'");
        };
    }

    /** The series a point belongs to in the figures: hardware and model. */
    public String series() {
        return hardware + " · " + model;
    }
}
