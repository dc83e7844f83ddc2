package ftenergy.run;

import ftenergy.meter.PowerSample;
import java.io.Serializable;
import java.util.List;

/**
 * Everything one run attempt sends back from its executor, committed to the lakehouse as a unit.
 *
 * @param run the {@code runs} row
 * @param steps the {@code steps} rows, in step order
 * @param samples the {@code power_samples} rows, in time order
 * @param evals the {@code evals} rows, in step order
 */
public record AttemptResult(RunRecord run, List<StepRecord> steps, List<PowerSample> samples, List<EvalPoint> evals)
        implements Serializable {

    public AttemptResult {
        steps = List.copyOf(steps);
        samples = List.copyOf(samples);
        evals = List.copyOf(evals);
    }
}
