package ftenergy.sweep;

import ftenergy.run.RunResult;
import java.util.List;

/** Where finished attempts go; the lakehouse writer in production. Called from one thread only. */
public interface ResultSink {

    /** Commits the results, in order, as one unit where the sink can. */
    void commit(List<RunResult> results);
}
