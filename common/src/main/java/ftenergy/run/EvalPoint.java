package ftenergy.run;

import java.io.Serializable;

/**
 * A metric measured during or at the end of a run: a row of {@code evals}.
 *
 * @param step optimisation step at which it was measured
 * @param metricName accuracy, f1, exact_match, mlm_loss, ...
 * @param metricValue its value
 * @param energyKwhSoFar software energy of the run up to this point
 * @param co2KgSoFar emissions up to this point
 */
public record EvalPoint(long step, String metricName, double metricValue, double energyKwhSoFar, double co2KgSoFar)
        implements Serializable {}
