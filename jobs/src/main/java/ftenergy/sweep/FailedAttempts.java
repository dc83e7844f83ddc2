package ftenergy.sweep;

import ftenergy.attempt.SweepProvenance;
import ftenergy.provenance.RuntimeVersions;
import ftenergy.run.AttemptResult;
import ftenergy.run.EnergyAccount;
import ftenergy.run.EnergyParts;
import ftenergy.run.HostInfo;
import ftenergy.run.RunRecord;
import ftenergy.run.RunSpec;
import ftenergy.run.RunStatus;
import ftenergy.run.WorkCounts;
import java.time.Instant;
import java.util.List;

/**
 * The record of an attempt that produced no result of its own and delivered nothing before it was
 * lost (its Spark job failed before it ran): nothing was measured, so every energy component is
 * {@code absent}. An attempt that did deliver is recorded with what it delivered ({@link InFlightAttempts}).
 */
final class FailedAttempts {

    private FailedAttempts() {}

    static AttemptResult of(RunSpec spec, int attempt, Instant started, String error, SweepProvenance provenance) {
        EnergyAccount nothing = new EnergyAccount(0, 0, 0, "absent", "absent", "absent", 1.0, 1.0, "none", 0);
        RunRecord record = new RunRecord(spec, attempt, 0, new HostInfo("unknown", "unknown", "none", List.of(), 0),
                started, Instant.now(), WorkCounts.NONE, nothing, EnergyParts.UNMEASURED, "none", Double.NaN, RunStatus.FAILED,
                error, null, provenance.forRun(null, RuntimeVersions.jvm()));
        return new AttemptResult(record, List.of(), List.of(), List.of());
    }
}
