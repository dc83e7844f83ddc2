package ftenergy.plan;

import ftenergy.run.RunKind;
import ftenergy.run.RunSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep's runs in an order where every run comes after the runs it depends on.
 *
 * @param sweepId the sweep
 * @param runs runs, dependencies first
 */
public record SweepPlan(String sweepId, List<RunSpec> runs) {

    public SweepPlan {
        runs = List.copyOf(runs);
    }

    public List<RunSpec> ofKind(RunKind kind) {
        List<RunSpec> out = new ArrayList<>();
        for (RunSpec run : runs) {
            if (run.kind() == kind) {
                out.add(run);
            }
        }
        return out;
    }

    /** The run with this id; fails naming it. */
    public RunSpec run(String runId) {
        for (RunSpec run : runs) {
            if (run.runId().equals(runId)) {
                return run;
            }
        }
        throw new IllegalArgumentException("run " + runId + " is not part of sweep " + sweepId);
    }
}
