package ftenergy.analyze;

import ftenergy.stats.RegressionFit;
import java.util.List;

/**
 * What one {@link RegressionJob} run produced.
 *
 * @param fits the fits written to {@code regressions}, grouped by hardware, kind and model
 * @param skipped one line per fit not made, naming the group and the reason (too few runs,
 *     singular design)
 */
public record RegressionOutcome(List<RegressionFit> fits, List<String> skipped) {

    public RegressionOutcome {
        fits = List.copyOf(fits);
        skipped = List.copyOf(skipped);
    }
}
