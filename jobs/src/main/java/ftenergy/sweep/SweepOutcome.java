package ftenergy.sweep;

import java.util.List;

/**
 * How a sweep invocation ended.
 *
 * @param succeeded runs that succeeded in this invocation
 * @param skippedAlreadyDone runs skipped because an earlier invocation finished them
 * @param failed runs whose every attempt failed
 * @param diverged runs that diverged
 * @param notLaunched runs left unlaunched (budget spent, or a dependency failed), with the reason
 * @param commitSeconds seconds from each attempt's task finishing to its rows being committed, in commit order
 * @param launchSeconds seconds from each launch request to its Spark task starting, where known
 * @param recordedKwh software energy of the attempts this invocation recorded
 * @param recordedCo2Kg emissions of the attempts this invocation recorded
 * @param takenOver a newer submission of the sweep claimed it before this one finished: that one runs what this one
 *     did not record
 */
public record SweepOutcome(int succeeded, int skippedAlreadyDone, int failed, int diverged, List<String> notLaunched,
        List<Double> commitSeconds, List<Double> launchSeconds, double recordedKwh, double recordedCo2Kg,
        boolean takenOver) {

    public SweepOutcome {
        notLaunched = List.copyOf(notLaunched);
        commitSeconds = List.copyOf(commitSeconds);
        launchSeconds = List.copyOf(launchSeconds);
    }
}
