package ftenergy.stats;

/**
 * Predicted energy of a planned run, with a prediction interval for one new run.
 *
 * @param kwh point prediction
 * @param lowKwh lower end of the interval, clamped at 0 (energy cannot be negative)
 * @param highKwh upper end of the interval
 * @param confidence the interval's coverage, e.g. 0.95
 * @param basis the fit used: its equation, hardware, kind, rows and held-out MAPE
 */
public record EnergyPrediction(double kwh, double lowKwh, double highKwh, double confidence, String basis) {}
