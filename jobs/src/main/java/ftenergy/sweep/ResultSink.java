package ftenergy.sweep;

import ftenergy.run.RunResult;

/** Where finished attempts go; the lakehouse writer in production. Called from one thread only. */
public interface ResultSink {

    void commit(RunResult result);
}
