package ftenergy.lake;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The analysts' contract: every table's schema, defined once. Columns may be added, not renamed
 * (see ARCHITECTURE.md).
 *
 * <p>Layout choices: {@code examples} is partitioned by task because prepare writes and trainers
 * read one task at a time; the run tables are small per run and queried across runs, so they stay
 * unpartitioned (a partition per run would make thousands of tiny directories).
 */
public final class LakeTables {

    private LakeTables() {}

    public static final LakeTable RUNS = new LakeTable(
            "runs",
            schema(
                    col("run_id", StringType, "stable hash of the run's spec"),
                    col("sweep_id", StringType, "sweep the run belongs to"),
                    col("attempt", IntegerType, "1-based attempt number; failed attempts keep their row"),
                    col("kind", StringType, "pretrain | distill | finetune | inference"),
                    col("task", StringType, "task (or corpus, for pretrain/distill)"),
                    col("model", StringType, "model name"),
                    col("model_params", LongType, "trainable parameters"),
                    col("layers", IntegerType, "transformer layers"),
                    col("hidden", IntegerType, "hidden size"),
                    col("heads", IntegerType, "attention heads"),
                    col("init", StringType, "initial weights: scratch, run:<run_id> or a checkpoint path"),
                    col("lr", DoubleType, "peak learning rate"),
                    col("batch_size", IntegerType, "examples per step"),
                    col("epochs", IntegerType, "epochs"),
                    col("max_steps", IntegerType, "step cap (0 = none)"),
                    col("max_seq_len", IntegerType, "truncation length"),
                    col("warmup", DoubleType, "warm-up fraction of steps"),
                    col("weight_decay", DoubleType, "AdamW weight decay"),
                    col("length_grouped", BooleanType, "length-grouped batching"),
                    col("seed", LongType, "seed"),
                    col("host", StringType, "executor host"),
                    col("cpu_model", StringType, "CPU model"),
                    col("gpu_model", StringType, "GPU model or none"),
                    col("gpu_ids", createArrayType(StringType), "GPU addresses the run owned"),
                    col("device_count", IntegerType, "devices trained on"),
                    col("hardware", StringType, "GPU model, or CPU model for CPU runs: the analyses' grouping"),
                    col("started_at", TimestampType, "start of the metered window"),
                    col("ended_at", TimestampType, "end of the metered window"),
                    col("duration_s", DoubleType, "wall seconds"),
                    col("steps", LongType, "optimisation steps (inference: forward passes)"),
                    col("examples", LongType, "examples processed, repeats across epochs counted"),
                    col("tokens_real", LongType, "non-padding tokens processed"),
                    col("tokens_padded", LongType, "tokens processed including dynamic padding"),
                    col("energy_cpu_kwh", DoubleType, "CPU energy attributed to the run"),
                    col("energy_gpu_kwh", DoubleType, "energy of the run's GPUs"),
                    col("energy_ram_kwh", DoubleType, "memory energy attributed to the run"),
                    col("energy_kwh", DoubleType, "software energy: cpu + gpu + ram"),
                    col("wall_coefficient", DoubleType, "wall reading / software reading for the host"),
                    col("energy_wall_kwh", DoubleType, "energy_kwh x wall_coefficient"),
                    col("pue", DoubleType, "facility power usage effectiveness"),
                    col("grid_region", StringType, "grid region of the intensity used"),
                    col("grid_g_per_kwh", DoubleType, "grid intensity, gCO2e/kWh"),
                    col("co2_kg", DoubleType, "kg CO2e = energy_wall_kwh x pue x grid_g_per_kwh / 1000"),
                    col("metric_name", StringType, "headline metric"),
                    col("metric_value", DoubleType, "its final value"),
                    col("status", StringType, "succeeded | failed | diverged"),
                    col("error", StringType, "failure message"),
                    col("cpu_source", StringType, "how CPU energy was obtained: measured-rapl | estimated-tdp | absent"),
                    col("gpu_source", StringType, "how GPU energy was obtained: measured-nvml | estimated-nvml-power | absent"),
                    col("ram_source", StringType, "how RAM energy was obtained: measured-rapl | estimated-ram | absent"),
                    col("code_version", StringType, "ftenergy version"),
                    col("config_hash", StringType, "hash of the resolved sweep config"),
                    col("depends_on", createArrayType(StringType), "runs whose checkpoints this run used"),
                    col("committed_at", TimestampType, "when the driver committed the row"),
                    col("early_stop", StringType, "the run's stop rule (e.g. accuracy>=0.9), null if none"),
                    col("stop_reason", StringType, "why the run ended before its planned steps, null if it did not"),
                    col("energy_setup_kwh", DoubleType, "of energy_kwh, what came before the training loop or the first"
                            + " inference batch (loading model, tokenizer and data), measured as a meter window of its own;"
                            + " null for attempts that never started, and for training runs of older versions"),
                    col("cpu_threads", IntegerType, "PyTorch intra-op threads the run computed with: its task's CPUs on"
                            + " a cluster, the driver's cores in local mode; null if it never started")),
            List.of("run_id", "attempt"),
            List.of(),
            "one row per run attempt");

    public static final LakeTable STEPS = new LakeTable(
            "steps",
            schema(
                    col("run_id", StringType, "run"),
                    col("attempt", IntegerType, "attempt"),
                    col("step", LongType, "1-based optimisation step"),
                    col("epoch", IntegerType, "0-based epoch"),
                    col("batch_size", IntegerType, "examples in the batch"),
                    col("seq_len", IntegerType, "padded length of the batch"),
                    col("tokens_real", LongType, "non-padding tokens"),
                    col("tokens_padded", LongType, "batch_size x seq_len"),
                    col("loss", DoubleType, "training loss"),
                    col("lr", DoubleType, "learning rate applied"),
                    col("step_seconds", DoubleType, "wall seconds of the step"),
                    col("energy_j", DoubleType, "meter energy of the step, joules"),
                    col("at", TimestampType, "end of the step")),
            List.of("run_id", "attempt", "step"),
            List.of(),
            "one row per optimisation step");

    public static final LakeTable POWER_SAMPLES = new LakeTable(
            "power_samples",
            schema(
                    col("run_id", StringType, "run"),
                    col("attempt", IntegerType, "attempt"),
                    col("at", TimestampType, "reading time"),
                    col("component", StringType, "cpu | gpu | ram"),
                    col("device", StringType, "device within the component"),
                    col("watts", DoubleType, "mean power since the previous sample"),
                    col("joules_total", DoubleType, "device energy since the meter opened")),
            List.of("run_id", "attempt", "at", "component", "device"),
            List.of(),
            "one row per meter reading per device");

    public static final LakeTable EVALS = new LakeTable(
            "evals",
            schema(
                    col("run_id", StringType, "run"),
                    col("attempt", IntegerType, "attempt"),
                    col("step", LongType, "step of the evaluation"),
                    col("metric_name", StringType, "metric"),
                    col("metric_value", DoubleType, "value"),
                    col("energy_kwh_so_far", DoubleType, "software energy of the run so far"),
                    col("co2_kg_so_far", DoubleType, "emissions of the run so far")),
            List.of("run_id", "attempt", "step", "metric_name"),
            List.of(),
            "one row per evaluation point");

    public static final LakeTable SWEEPS = new LakeTable(
            "sweeps",
            schema(
                    col("sweep_id", StringType, "the sweep submitted"),
                    col("submission_id", StringType, "one submission of it (random)"),
                    col("started_at", TimestampType, "when the submission started launching"),
                    col("ended_at", TimestampType, "when it ended; null: still running, or the driver died"),
                    col("master", StringType, "Spark master it ran on"),
                    col("code_version", StringType, "ftenergy version"),
                    col("config_hash", StringType, "hash of the resolved sweep config"),
                    col("planned", IntegerType, "runs the config expands to"),
                    col("already_done", IntegerType, "runs an earlier submission had finished"),
                    col("succeeded", IntegerType, "runs that succeeded in this submission"),
                    col("failed", IntegerType, "runs whose every attempt failed"),
                    col("diverged", IntegerType, "runs that diverged"),
                    col("not_launched", createArrayType(StringType), "runs left unlaunched, as 'run_id: reason'"),
                    col("budget_kwh", DoubleType, "energy budget of the sweep, null for none"),
                    col("budget_co2_kg", DoubleType, "emissions budget of the sweep, null for none"),
                    col("spent_kwh", DoubleType, "software energy of the sweep's recorded attempts: at the start,"
                            + " of those recorded before; at the end, plus those this submission recorded"),
                    col("spent_co2_kg", DoubleType, "emissions of the same attempts"),
                    col("budget_spent", BooleanType, "whether the budget stopped launches")),
            List.of("sweep_id", "submission_id"),
            List.of(),
            "one row per submission of a sweep");

    public static final LakeTable EXAMPLES = new LakeTable(
            "examples",
            schema(
                    col("task", StringType, "task"),
                    col("split", StringType, "train | validation | test"),
                    col("example_id", StringType, "stable id within task and split"),
                    col("input_ids", createArrayType(IntegerType), "token ids with [CLS]/[SEP]"),
                    col("type_ids", createArrayType(IntegerType), "segment ids"),
                    col("label", IntegerType, "class index, -1 if none"),
                    col("token_labels", createArrayType(IntegerType), "per-token tags, -100 = ignored"),
                    col("span_start", IntegerType, "QA answer start token, -1 if none"),
                    col("span_end", IntegerType, "QA answer end token, -1 if none"),
                    col("length", IntegerType, "real tokens"),
                    col("tokenizer", StringType, "hash of the tokenizer that produced the ids"),
                    col("task_type", StringType, "SEQUENCE_CLASSIFICATION | TOKEN_CLASSIFICATION | SPAN_QA | MASKED_LM"),
                    col("label_names", createArrayType(StringType), "the task's label vocabulary, index = label"),
                    col("stands_in_for", StringType, "the paper's task this stand-in replaces, null if real"),
                    col("question_id", StringType, "span QA: the question this window belongs to; null otherwise"),
                    col("context", StringType, "span QA: the whole context answers are cut from"),
                    col("gold_answers", createArrayType(StringType), "span QA: every gold answer's text, empty if unanswerable"),
                    col("context_starts", createArrayType(IntegerType), "span QA: each token's first character in the context, -1 outside it"),
                    col("context_ends", createArrayType(IntegerType), "span QA: one past each token's last character in the context, -1 outside it"),
                    col("qa_max_length", IntegerType, "span QA: tokens per window the task was cut into"),
                    col("qa_doc_stride", IntegerType, "span QA: context tokens consecutive windows share"),
                    col("qa_unanswerable", BooleanType, "span QA: whether questions may have no answer (SQuAD v2.0)"),
                    col("qa_null_score_threshold", DoubleType, "span QA: no answer when the null score beats the best span by more")),
            List.of("task", "split", "example_id"),
            List.of("task"),
            "one row per tokenized example");

    /** Tables created by {@code lake init}, in creation order. */
    public static List<LakeTable> all() {
        List<LakeTable> tables = new ArrayList<>(List.of(RUNS, STEPS, POWER_SAMPLES, EVALS, SWEEPS, EXAMPLES));
        tables.addAll(AnalysisTables.all());
        return List.copyOf(tables);
    }

    /** The table called {@code name}; fails listing the known names. */
    public static LakeTable byName(String name) {
        List<String> names = new ArrayList<>();
        for (LakeTable table : all()) {
            if (table.name().equals(name)) {
                return table;
            }
            names.add(table.name());
        }
        throw new LakeException("unknown table '" + name + "'; known tables: " + String.join(", ", names));
    }

    static StructField col(String name, DataType type, String comment) {
        return new StructField(name, type, true, Metadata.empty()).withComment(comment);
    }

    static StructType schema(StructField... fields) {
        return new StructType(fields);
    }
}
