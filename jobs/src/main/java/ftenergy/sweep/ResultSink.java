package ftenergy.sweep;

import ftenergy.run.RunResult;
import java.util.List;

/** Where finished attempts go; the lakehouse writer in production. Called from the committer's threads. */
public interface ResultSink {

    /** Commits the results, in order, as one unit where the sink can. */
    void commit(List<RunResult> results);

    /**
     * The commit in two steps, so that the committer can overlap batches: writes now what may land
     * before the batch counts as committed, and returns the step that makes it count (run after
     * this call returned, at most one at a time, in batch order). By default nothing comes first.
     */
    default Runnable stage(List<RunResult> results) {
        return () -> commit(results);
    }
}
