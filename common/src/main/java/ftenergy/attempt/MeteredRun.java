package ftenergy.attempt;

import ftenergy.carbon.CarbonAccounting;
import ftenergy.carbon.CarbonSettings;
import ftenergy.meter.EnergyUnit;
import ftenergy.meter.Measurement;
import ftenergy.meter.PowerSample;
import ftenergy.run.AttemptResult;
import ftenergy.run.EnergyAccount;
import ftenergy.run.EnergyParts;
import ftenergy.run.EvalPoint;
import ftenergy.run.HostInfo;
import ftenergy.run.RunProvenance;
import ftenergy.run.RunRecord;
import ftenergy.run.RunSpec;
import ftenergy.run.RunStatus;
import ftenergy.run.StepRecord;
import ftenergy.run.WorkCounts;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one attempt of any kind measured, as the code that ran it hands it over: the one place
 * a metered run becomes its record ({@link #assemble}). Training attempts ({@link RunAttempt}) and
 * inference attempts (the Spark side's inference runs) both end here, so their rows mean the same.
 *
 * @param spec the run
 * @param attempt 1-based attempt number
 * @param modelParams parameters of the trained or measured model; 0 if it was never built
 * @param host where it ran
 * @param window the attempt's whole meter window
 * @param setupJoules of the window, the setup's window (before the training loop or the first batch)
 * @param evaluationJoules of the window, the evaluation passes' windows, summed
 * @param checkpointJoules of the window, the checkpoint writes' windows, summed
 * @param work steps, examples and tokens
 * @param metricName headline metric
 * @param metricValue its last value, NaN if none
 * @param status how the attempt ended
 * @param error what went wrong, or {@code null}
 * @param stopReason why training stopped before its planned steps, or {@code null}
 * @param steps the step rows, in order
 * @param samples the power samples, in time order
 * @param evals the evaluations, in order; their emissions are filled in by {@link #assemble}
 * @param provenance code, configuration, data, tokenizer and runtime versions
 */
public record MeteredRun(
        RunSpec spec,
        int attempt,
        long modelParams,
        HostInfo host,
        Measurement window,
        double setupJoules,
        double evaluationJoules,
        double checkpointJoules,
        WorkCounts work,
        String metricName,
        double metricValue,
        RunStatus status,
        String error,
        String stopReason,
        List<StepRecord> steps,
        List<PowerSample> samples,
        List<EvalPoint> evals,
        RunProvenance provenance) {

    public MeteredRun {
        steps = List.copyOf(steps);
        samples = List.copyOf(samples);
        evals = List.copyOf(evals);
    }

    /**
     * The attempt's rows: energy accounted with the carbon settings of the host it ran on, split
     * into parts that add up to it (the steps' part is the window less the other three), and each
     * evaluation's emissions at the run's own rate.
     */
    public AttemptResult assemble(CarbonAccounting accounting, CarbonSettings carbon) {
        EnergyAccount energy = accounting.account(window, carbon);
        double stepsJoules = window.totalJoules() - setupJoules - evaluationJoules - checkpointJoules;
        EnergyParts parts = new EnergyParts(EnergyUnit.joulesToKwh(setupJoules), EnergyUnit.joulesToKwh(stepsJoules),
                EnergyUnit.joulesToKwh(evaluationJoules), EnergyUnit.joulesToKwh(checkpointJoules));
        RunRecord record = new RunRecord(spec, attempt, modelParams, host, window.startedAt(), window.endedAt(), work, energy,
                parts, metricName, metricValue, status, error, stopReason, provenance);
        return new AttemptResult(record, steps, samples, withEmissions(evals, energy));
    }

    /** Evaluations carry energy so far; emissions scale with it by the run's own factor. */
    private static List<EvalPoint> withEmissions(List<EvalPoint> evals, EnergyAccount energy) {
        double co2PerKwh = energy.kwh() > 0 ? energy.co2Kg() / energy.kwh() : 0;
        List<EvalPoint> out = new ArrayList<>(evals.size());
        for (EvalPoint e : evals) {
            out.add(new EvalPoint(e.step(), e.metricName(), e.metricValue(), e.energyKwhSoFar(), e.energyKwhSoFar() * co2PerKwh));
        }
        return out;
    }
}
