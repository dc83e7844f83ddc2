package ftenergy.sweep;

import java.util.Map;
import java.util.Set;

/**
 * What the lakehouse already holds for a sweep when it (re)starts.
 *
 * @param succeeded run ids with a succeeded attempt: skipped
 * @param finished run ids whose last attempt ended for good (succeeded or diverged): not retried
 * @param lastAttempt highest recorded attempt per run id, so new attempts number on from there
 * @param spentKwh energy already spent by the sweep's recorded attempts
 * @param spentCo2Kg emissions already recorded
 */
public record SweepState(Set<String> succeeded, Set<String> finished, Map<String, Integer> lastAttempt,
        double spentKwh, double spentCo2Kg) {

    public SweepState {
        succeeded = Set.copyOf(succeeded);
        finished = Set.copyOf(finished);
        lastAttempt = Map.copyOf(lastAttempt);
    }

    public static SweepState empty() {
        return new SweepState(Set.of(), Set.of(), Map.of(), 0, 0);
    }
}
