package ftenergy.analyze;

import ftenergy.stats.EnergyRate;

import ftenergy.amortization.AmortizationRow;

import java.util.List;

/**
 * Everything one {@code ftenergy analyze} wrote.
 *
 * @param regressions fits (in {@code regressions}) and the fits skipped, with reasons
 * @param rates rows of {@code energy_rates}
 * @param amortization rows of {@code amortization}
 */
public record AnalysisResult(RegressionOutcome regressions, List<EnergyRate> rates, List<AmortizationRow> amortization) {

    public AnalysisResult {
        rates = List.copyOf(rates);
        amortization = List.copyOf(amortization);
    }
}
