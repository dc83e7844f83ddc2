package ftenergy.sweep;

/**
 * Limits on what a sweep may spend; once reached no new run is launched (runs in flight finish).
 *
 * @param kwh software energy limit, NaN for none
 * @param co2Kg emissions limit, NaN for none
 */
public record SweepBudget(double kwh, double co2Kg) {

    public static SweepBudget unlimited() {
        return new SweepBudget(Double.NaN, Double.NaN);
    }

    /** Whether {@code spentKwh}/{@code spentCo2Kg} exhaust the budget. */
    public boolean exhaustedBy(double spentKwh, double spentCo2Kg) {
        return (!Double.isNaN(kwh) && spentKwh >= kwh) || (!Double.isNaN(co2Kg) && spentCo2Kg >= co2Kg);
    }
}
