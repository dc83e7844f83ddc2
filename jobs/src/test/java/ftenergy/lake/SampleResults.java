package ftenergy.lake;

import ftenergy.run.RunProvenance;
import ftenergy.run.EnergyParts;
import ftenergy.run.WorkCounts;
import ftenergy.meter.PowerSample;
import ftenergy.run.EnergyAccount;
import ftenergy.run.EvalPoint;
import ftenergy.run.HostInfo;
import ftenergy.run.Hyperparameters;
import ftenergy.run.ModelSpec;
import ftenergy.run.RunKind;
import ftenergy.run.RunRecord;
import ftenergy.run.AttemptResult;
import ftenergy.run.RunSpec;
import ftenergy.run.RunStatus;
import ftenergy.run.StepRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-built run results with known contents, for lakehouse tests. */
public final class SampleResults {

    private SampleResults() {}

    public static AttemptResult result(String runId, int attempt, int steps) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        RunSpec spec = new RunSpec(runId, "sweep-test", RunKind.FINETUNE, "sst2-sentiment",
                new ModelSpec("bert-tiny", 2, 64, 2, 256, "scratch"),
                new Hyperparameters(5e-5, 8, 1, 0, 64, 0.1, 0.01, false), 7L, 0, List.of(), null);
        List<StepRecord> stepRows = new ArrayList<>();
        List<PowerSample> samples = new ArrayList<>();
        for (int i = 1; i <= steps; i++) {
            Instant at = start.plusSeconds(i);
            stepRows.add(new StepRecord(i, 0, 8, 32, 200, 256, 1.0 / i, 5e-5, 1.0, 10.0 * i, at));
            samples.add(new PowerSample(at, "cpu", "package-0", 10.0, 10.0 * i));
        }
        EnergyAccount energy = new EnergyAccount(1e-3, 0, 2e-4, "estimated-tdp", "absent", "estimated-ram", 1.09, 1.0, "US", 400);
        RunRecord run = new RunRecord(spec, attempt, 12345, new HostInfo("host-a", "Test CPU", "none", List.of(), 2),
                start, start.plusSeconds(steps), new WorkCounts(steps, steps * 8L, steps * 200L, steps * 256L, 640),
                energy, new EnergyParts(2e-4, 9e-4, 1e-4, 0), "accuracy", 0.75, RunStatus.SUCCEEDED, null, null,
                new RunProvenance("test", "cafe", "data-" + runId, "tok", "java=17"));
        return new AttemptResult(run, stepRows, samples, List.of(new EvalPoint(steps, "accuracy", 0.75, energy.kwh(), energy.co2Kg())));
    }
}
