package ftenergy.lake;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import ftenergy.run.RunKind;
import ftenergy.run.RunRecord;
import ftenergy.run.RunStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code runs} table: one row per run attempt, each column's value next to its name. A row's
 * source is the attempt's {@link RunRecord} and when the driver committed it; {@link RunRecordReader}
 * reads rows back into records.
 */
public final class RunsTable {

    /** A {@code runs} row's source: the attempt's record and its commit time. */
    public record CommittedRun(RunRecord run, Instant committedAt) {}

    private RunsTable() {}

    static final List<String> KINDS = Arrays.stream(RunKind.values()).map(RunKind::label).toList();
    static final List<String> STATUSES = Arrays.stream(RunStatus.values()).map(RunStatus::label).toList();

    public static final TableColumns<CommittedRun> COLUMNS = TableColumns.<CommittedRun>builder()
            .key("run_id", StringType, "stable hash of the run's definition (see docs/architecture.md: run identity)",
                    c -> c.run().spec().runId())
            .required("sweep_id", StringType, "sweep the run belongs to", c -> c.run().spec().sweepId())
            .key("attempt", IntegerType, "1-based attempt number; failed attempts keep their row", c -> c.run().attempt())
            .oneOf("kind", KINDS, "pretrain | distill | finetune | inference", c -> c.run().spec().kind().label())
            .add("task", StringType, "task (or corpus, for pretrain/distill)", c -> c.run().spec().task())
            .add("model", StringType, "model name", c -> c.run().spec().model().name())
            .add("model_params", LongType, "trainable parameters", c -> c.run().modelParams())
            .add("layers", IntegerType, "transformer layers", c -> c.run().spec().model().layers())
            .add("hidden", IntegerType, "hidden size", c -> c.run().spec().model().hidden())
            .add("heads", IntegerType, "attention heads", c -> c.run().spec().model().heads())
            .add("init", StringType, "initial weights: scratch, run:<run_id> or a checkpoint path", c -> c.run().spec().model().init())
            .add("lr", DoubleType, "peak learning rate", c -> c.run().spec().hyperparameters().learningRate())
            .add("batch_size", IntegerType, "examples per step (inference: per forward pass)",
                    c -> c.run().spec().hyperparameters().batchSize())
            .add("epochs", IntegerType, "epochs", c -> c.run().spec().hyperparameters().epochs())
            .add("max_steps", IntegerType, "step cap (0 = none)", c -> c.run().spec().hyperparameters().maxSteps())
            .add("max_seq_len", IntegerType, "truncation length", c -> c.run().spec().hyperparameters().maxSeqLen())
            .add("warmup", DoubleType, "warm-up fraction of steps", c -> c.run().spec().hyperparameters().warmupFraction())
            .add("weight_decay", DoubleType, "AdamW weight decay", c -> c.run().spec().hyperparameters().weightDecay())
            .add("length_grouped", BooleanType, "length-grouped batching", c -> c.run().spec().hyperparameters().lengthGrouped())
            .add("seed", LongType, "seed", c -> c.run().spec().seed())
            .add("host", StringType, "executor host", c -> c.run().host().host())
            .add("cpu_model", StringType, "CPU model", c -> c.run().host().cpuModel())
            .add("gpu_model", StringType, "GPU model or none", c -> c.run().host().gpuModel())
            .add("gpu_ids", createArrayType(StringType), "GPU addresses the run owned", c -> c.run().host().gpuIds().toArray(String[]::new))
            .add("device_count", IntegerType, "devices trained on", c -> c.run().host().deviceCount())
            .add("hardware", StringType, "GPU model, or CPU model for CPU runs: the analyses' grouping", c -> c.run().host().hardware())
            .add("started_at", TimestampType, "start of the metered window", c -> timestamp(c.run().startedAt()))
            .add("ended_at", TimestampType, "end of the metered window", c -> timestamp(c.run().endedAt()))
            .add("duration_s", DoubleType, "wall seconds", c -> c.run().durationSeconds())
            .add("steps", LongType, "optimisation steps (inference: forward passes)", c -> c.run().work().steps())
            .add("examples", LongType, "examples processed, repeats across epochs counted", c -> c.run().work().examples())
            .add("tokens_real", LongType, "non-padding tokens processed", c -> c.run().work().tokensReal())
            .add("tokens_padded", LongType, "tokens processed including dynamic padding", c -> c.run().work().tokensPadded())
            .add("energy_cpu_kwh", DoubleType, "CPU energy attributed to the run", c -> c.run().energy().cpuKwh())
            .add("energy_gpu_kwh", DoubleType, "energy of the run's GPUs", c -> c.run().energy().gpuKwh())
            .add("energy_ram_kwh", DoubleType, "memory energy attributed to the run", c -> c.run().energy().ramKwh())
            .add("energy_kwh", DoubleType, "software energy: cpu + gpu + ram; also the sum of the energy_*_kwh parts"
                    + " setup, steps, eval and checkpoint", c -> c.run().energy().kwh())
            .add("wall_coefficient", DoubleType, "wall reading / software reading for the host", c -> c.run().energy().wallCoefficient())
            .add("energy_wall_kwh", DoubleType, "energy_kwh x wall_coefficient", c -> c.run().energy().wallKwh())
            .add("pue", DoubleType, "facility power usage effectiveness", c -> c.run().energy().pue())
            .add("grid_region", StringType, "grid region of the intensity used", c -> c.run().energy().gridRegion())
            .add("grid_g_per_kwh", DoubleType, "grid intensity, gCO2e/kWh", c -> c.run().energy().gridGramsPerKwh())
            .add("co2_kg", DoubleType, "kg CO2e = energy_wall_kwh x pue x grid_g_per_kwh / 1000", c -> c.run().energy().co2Kg())
            .add("metric_name", StringType, "headline metric", c -> c.run().metricName())
            .add("metric_value", DoubleType, "its final value", c -> c.run().metricValue())
            .oneOf("status", STATUSES, "succeeded | failed | diverged", c -> c.run().status().label())
            .add("error", StringType, "failure message", c -> c.run().error())
            .add("cpu_source", StringType, "how CPU energy was obtained: measured-rapl | estimated-tdp | absent",
                    c -> c.run().energy().cpuSource())
            .add("gpu_source", StringType, "how GPU energy was obtained: measured-nvml | estimated-nvml-power | absent",
                    c -> c.run().energy().gpuSource())
            .add("ram_source", StringType, "how RAM energy was obtained: measured-rapl | estimated-ram | absent",
                    c -> c.run().energy().ramSource())
            .add("code_version", StringType, "ftenergy version (dev outside a released jar)", c -> c.run().provenance().codeVersion())
            .add("config_hash", StringType, "hash of every configuration value that changes a result (docs/architecture.md)",
                    c -> c.run().provenance().configHash())
            .add("depends_on", createArrayType(StringType), "runs whose checkpoints this run used",
                    c -> c.run().spec().dependsOn().toArray(String[]::new))
            .add("committed_at", TimestampType, "when the driver committed the row", c -> timestamp(c.committedAt()))
            .add("early_stop", StringType, "the run's stop rule (e.g. accuracy>=0.9), null if none",
                    c -> c.run().spec().stopRule() == null ? null : c.run().spec().stopRule().toString())
            .add("stop_reason", StringType, "why the run ended before its planned steps, null if it did not", c -> c.run().stopReason())
            .add("energy_setup_kwh", DoubleType, "of energy_kwh, what came before the training loop or the first inference"
                    + " batch (loading model, tokenizer and data), a meter window of its own; null when not measured"
                    + " (attempts that never started, rows of older versions)", c -> finite(c.run().parts().setupKwh()))
            .add("cpu_threads", IntegerType, "PyTorch intra-op threads the run computed with: its task's CPUs on a cluster,"
                    + " the driver's cores in local mode; null if it never started",
                    c -> c.run().host().cpuThreads() == 0 ? null : c.run().host().cpuThreads())
            .add("energy_steps_kwh", DoubleType, "of energy_kwh, the optimisation steps (inference: the batches) and the rest"
                    + " of the run outside setup, evaluation and checkpoints; null when not measured",
                    c -> finite(c.run().parts().stepsKwh()))
            .add("energy_eval_kwh", DoubleType, "of energy_kwh, the evaluation passes, each a meter window; null when not measured",
                    c -> finite(c.run().parts().evaluationKwh()))
            .add("energy_checkpoint_kwh", DoubleType, "of energy_kwh, writing checkpoints, a meter window each; null when not"
                    + " measured", c -> finite(c.run().parts().checkpointKwh()))
            .add("intermediate", IntegerType, "feed-forward size of each layer", c -> c.run().spec().model().intermediate())
            .add("gpus", IntegerType, "GPUs the run asked for (0 on CPU); device_count is what it trained on",
                    c -> c.run().spec().gpus())
            .add("gpu_uuids", createArrayType(StringType), "the physical GPUs metered, by NVML UUID, in gpu_ids order"
                    + " (unknown where NVML could not tell)", c -> c.run().host().gpuUuids().toArray(String[]::new))
            .add("tokens_evaluated", LongType, "tokens (padding included) of every evaluation pass", c -> c.run().work().tokensEvaluated())
            .add("data_version", StringType, "hash of the examples the run read, in order; null if it read none",
                    c -> c.run().provenance().dataVersion())
            .add("tokenizer_version", StringType, "hash of the tokenizer file of the examples (examples.tokenizer)",
                    c -> c.run().provenance().tokenizerVersion())
            .add("runtime", StringType, "versions that computed it: java, djl, pytorch, spark, delta (and GPU driver)",
                    c -> c.run().provenance().runtime())
            .add("passes", IntegerType, "inference: passes over the evaluation examples, repeated until the batches' window"
                    + " spanned 10 meter sample intervals (steps, examples and tokens count every pass); null for training runs",
                    c -> c.run().work().passes() == 0 ? null : c.run().work().passes())
            .build();

    public static final LakeTable TABLE = new LakeTable("runs", COLUMNS.schema(), COLUMNS.keys(), List.of(),
            "one row per run attempt");

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** Null for a part that was not measured (NaN), so SQL aggregates skip it. */
    static Double finite(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
