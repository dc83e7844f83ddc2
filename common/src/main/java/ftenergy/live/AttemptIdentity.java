package ftenergy.live;

import java.io.Serializable;

/**
 * Which attempt of which run is metering: the key of its rows in every table.
 *
 * @param runId the run
 * @param sweepId the sweep the run belongs to
 * @param attempt ftenergy's 1-based attempt number (a retry after a failure is a new attempt)
 */
public record AttemptIdentity(String runId, String sweepId, int attempt) implements Serializable {

    public AttemptIdentity {
        if (runId == null || runId.isBlank()) {
            throw new IllegalArgumentException("an attempt needs a run id, was '" + runId + "'");
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("run " + runId + ": attempt must be >= 1, was " + attempt);
        }
    }

    @Override
    public String toString() {
        return "run " + runId + " attempt " + attempt + " (sweep " + sweepId + ")";
    }
}
