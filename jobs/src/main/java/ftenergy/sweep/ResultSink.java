package ftenergy.sweep;

import ftenergy.live.AttemptIdentity;
import ftenergy.meter.PowerSample;
import ftenergy.run.AttemptResult;
import java.util.List;

/** Where finished attempts go; the lakehouse writer in production. Called from the committer's threads. */
public interface ResultSink {

    /** Commits the results, in order, as one unit where the sink can. */
    void commit(List<AttemptResult> results);

    /**
     * The commit in two steps, so that the committer can overlap batches: writes now what may land
     * before the batch counts as committed, and returns the step that makes it count (run after
     * this call returned, at most one at a time, in batch order). By default nothing comes first.
     */
    default Runnable stage(List<AttemptResult> results) {
        return () -> commit(results);
    }

    /**
     * Records power samples an attempt's executor delivered while it ran, before its result; the
     * result then leaves them out. By default they are dropped (a sink without live samples).
     */
    default void appendSamples(AttemptIdentity attempt, List<PowerSample> samples) {}

    /**
     * Throws {@link ftenergy.lake.ClaimLostException} once a newer submission of the sweep has
     * claimed it, so that a sweep whose runs are all long learns it before one of them finishes.
     * By default the sink is never superseded.
     */
    default void verifyClaim() {}
}
