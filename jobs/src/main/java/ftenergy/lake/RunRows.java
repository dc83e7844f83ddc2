package ftenergy.lake;

import ftenergy.meter.PowerSample;
import ftenergy.run.EnergyAccount;
import ftenergy.run.EvalPoint;
import ftenergy.run.RunRecord;
import ftenergy.run.AttemptResult;
import ftenergy.run.RunSpec;
import ftenergy.run.StepRecord;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Flattens a {@link AttemptResult} into rows of the contract's tables. */
public final class RunRows {

    private RunRows() {}

    public static Dataset<Row> run(SparkSession spark, AttemptResult result) {
        return spark.createDataFrame(List.of(runRow(result.run(), Instant.now())), LakeTables.RUNS.schema());
    }

    static Row runRow(RunRecord run, Instant committedAt) {
        RunSpec spec = run.spec();
        EnergyAccount energy = run.energy();
        return RowFactory.create(
                spec.runId(),
                spec.sweepId(),
                run.attempt(),
                spec.kind().label(),
                spec.task(),
                spec.model().name(),
                run.modelParams(),
                spec.model().layers(),
                spec.model().hidden(),
                spec.model().heads(),
                spec.model().init(),
                spec.hyperparameters().learningRate(),
                spec.hyperparameters().batchSize(),
                spec.hyperparameters().epochs(),
                spec.hyperparameters().maxSteps(),
                spec.hyperparameters().maxSeqLen(),
                spec.hyperparameters().warmupFraction(),
                spec.hyperparameters().weightDecay(),
                spec.hyperparameters().lengthGrouped(),
                spec.seed(),
                run.host().host(),
                run.host().cpuModel(),
                run.host().gpuModel(),
                run.host().gpuIds().toArray(String[]::new),
                run.host().deviceCount(),
                run.host().hardware(),
                timestamp(run.startedAt()),
                timestamp(run.endedAt()),
                run.durationSeconds(),
                run.steps(),
                run.examples(),
                run.tokensReal(),
                run.tokensPadded(),
                energy.cpuKwh(),
                energy.gpuKwh(),
                energy.ramKwh(),
                energy.kwh(),
                energy.wallCoefficient(),
                energy.wallKwh(),
                energy.pue(),
                energy.gridRegion(),
                energy.gridGramsPerKwh(),
                energy.co2Kg(),
                run.metricName(),
                run.metricValue(),
                run.status().label(),
                run.error(),
                energy.cpuSource(),
                energy.gpuSource(),
                energy.ramSource(),
                run.codeVersion(),
                run.configHash(),
                spec.dependsOn().toArray(String[]::new),
                timestamp(committedAt),
                spec.stopRule() == null ? null : spec.stopRule().toString(),
                run.stopReason(),
                Double.isNaN(run.setupKwh()) ? null : run.setupKwh(),
                run.host().cpuThreads() == 0 ? null : run.host().cpuThreads());
    }

    public static Dataset<Row> steps(SparkSession spark, AttemptResult result) {
        return spark.createDataFrame(stepRows(result), LakeTables.STEPS.schema());
    }

    static List<Row> stepRows(AttemptResult result) {
        String runId = result.run().spec().runId();
        int attempt = result.run().attempt();
        List<Row> rows = new ArrayList<>(result.steps().size());
        for (StepRecord s : result.steps()) {
            rows.add(RowFactory.create(runId, attempt, s.step(), s.epoch(), s.batchSize(), s.seqLen(), s.tokensReal(),
                    s.tokensPadded(), s.loss(), s.learningRate(), s.stepSeconds(), s.energyJoules(), timestamp(s.at())));
        }
        return rows;
    }

    public static Dataset<Row> samples(SparkSession spark, AttemptResult result) {
        return spark.createDataFrame(sampleRows(result), LakeTables.POWER_SAMPLES.schema());
    }

    static List<Row> sampleRows(AttemptResult result) {
        String runId = result.run().spec().runId();
        int attempt = result.run().attempt();
        List<Row> rows = new ArrayList<>(result.samples().size());
        for (PowerSample s : result.samples()) {
            rows.add(RowFactory.create(runId, attempt, timestamp(s.at()), s.component(), s.device(), s.watts(), s.joulesTotal()));
        }
        return rows;
    }

    public static Dataset<Row> evals(SparkSession spark, AttemptResult result) {
        return spark.createDataFrame(evalRows(result), LakeTables.EVALS.schema());
    }

    static List<Row> evalRows(AttemptResult result) {
        String runId = result.run().spec().runId();
        int attempt = result.run().attempt();
        List<Row> rows = new ArrayList<>(result.evals().size());
        for (EvalPoint e : result.evals()) {
            rows.add(RowFactory.create(runId, attempt, e.step(), e.metricName(), e.metricValue(), e.energyKwhSoFar(), e.co2KgSoFar()));
        }
        return rows;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
