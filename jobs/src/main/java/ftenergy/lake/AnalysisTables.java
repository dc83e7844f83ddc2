package ftenergy.lake;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import static ftenergy.lake.LakeTables.col;
import static ftenergy.lake.LakeTables.schema;

import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The tables the analysis jobs write. Each is keyed by its group, so re-running an analysis
 * replaces the previous result for a group instead of adding a second one.
 */
public final class AnalysisTables {

    private AnalysisTables() {}

    /** Element type of {@code regressions.coefficients}. */
    public static final StructType COEFFICIENT = schema(
            col("name", StringType, "predictor column, or intercept"),
            col("estimate", DoubleType, "kWh per unit of the predictor (kWh for the intercept)"),
            col("std_error", DoubleType, "standard error of the estimate"),
            col("t_value", DoubleType, "estimate / std_error"),
            col("p_value", DoubleType, "two-sided p-value against 0"));

    /** OLS fits of run energy on work and time predictors. */
    public static final LakeTable REGRESSIONS = new LakeTable(
            "regressions",
            schema(
                    col("predictor_set", StringType, "tokens_padded | tokens_real | duration_s | steps | examples | tokens_padded+duration_s+steps"),
                    col("hardware", StringType, "runs.hardware of the group"),
                    col("kind", StringType, "runs.kind of the group"),
                    col("model", StringType, "runs.model of the group"),
                    col("with_intercept", BooleanType, "whether an intercept was fitted"),
                    col("response", StringType, "the fitted column: energy_kwh (software meter)"),
                    col("predictors", createArrayType(StringType), "predictor columns in coefficient order"),
                    col("coefficients", createArrayType(COEFFICIENT), "one per predictor, then the intercept"),
                    col("r2", DoubleType, "R squared (uncentred when without intercept)"),
                    col("rows", LongType, "runs fitted"),
                    col("residual_std_error_kwh", DoubleType, "sqrt(SSE / residual degrees of freedom)"),
                    col("predictor_means", createArrayType(DoubleType), "mean of each predictor over the runs"),
                    col("held_out_mape_pct", DoubleType, "leave-one-out cross-validated MAPE (each run predicted by the fit on the others); null when undefined"),
                    col("cv_folds", IntegerType, "folds of held_out_mape_pct: the row count for leave-one-out, 0 = not computed"),
                    col("sweep_ids", createArrayType(StringType), "sweeps whose runs were fitted"),
                    col("fitted_at", TimestampType, "when the fit was made")),
            List.of("predictor_set", "hardware", "kind", "model", "with_intercept"),
            List.of(),
            "one row per OLS fit of energy on a predictor set for a hardware, kind and model");

    /** Energy per step, per token, per example and per second, averaged over runs. */
    public static final LakeTable ENERGY_RATES = new LakeTable(
            "energy_rates",
            schema(
                    col("hardware", StringType, "runs.hardware"),
                    col("kind", StringType, "runs.kind"),
                    col("model", StringType, "runs.model"),
                    col("task", StringType, "runs.task"),
                    col("runs", LongType, "runs averaged"),
                    col("energy_kwh_mean", DoubleType, "mean energy per run"),
                    col("energy_kwh_cv", DoubleType, "coefficient of variation of energy per run across runs"),
                    col("j_per_step_mean", DoubleType, "mean over runs of energy / steps, joules"),
                    col("j_per_step_cv", DoubleType, "its coefficient of variation across runs"),
                    col("j_per_token_padded_mean", DoubleType, "mean of energy / tokens_padded, joules"),
                    col("j_per_token_padded_cv", DoubleType, "its coefficient of variation"),
                    col("j_per_token_real_mean", DoubleType, "mean of energy / tokens_real, joules"),
                    col("j_per_example_mean", DoubleType, "mean of energy / examples, joules"),
                    col("j_per_example_cv", DoubleType, "its coefficient of variation"),
                    col("watts_mean", DoubleType, "mean of energy / duration, watts"),
                    col("sweep_ids", createArrayType(StringType), "sweeps whose runs were used"),
                    col("computed_at", TimestampType, "when the rates were computed")),
            List.of("hardware", "kind", "model", "task"),
            List.of(),
            "one row per hardware, kind, model and task");

    /** The paper's comparisons of pre-training, distillation, fine-tuning and inference. */
    public static final LakeTable AMORTIZATION = new LakeTable(
            "amortization",
            schema(
                    col("pretrain_run_id", StringType, "the teacher's pre-training run"),
                    col("distill_run_id", StringType, "the distillation run (null: no student)"),
                    col("hardware", StringType, "hardware of the fine-tuning and inference runs compared"),
                    col("task", StringType, "fine-tuning task"),
                    col("inferences_per_model", LongType, "inferences counted per fine-tuned model (0 = fine-tuning only)"),
                    col("teacher_model", StringType, "model name on the teacher side"),
                    col("student_model", StringType, "model name on the student side"),
                    col("pretrain_kwh", DoubleType, "energy of the pre-training run"),
                    col("pretrain_hardware", StringType, "where it ran"),
                    col("distill_kwh", DoubleType, "energy of the distillation run"),
                    col("distill_overhead_pct", DoubleType, "distill_kwh / pretrain_kwh x 100"),
                    col("teacher_finetune_runs", LongType, "teacher fine-tuning runs averaged"),
                    col("teacher_finetune_kwh", DoubleType, "mean energy of a teacher fine-tuning"),
                    col("teacher_finetune_cv", DoubleType, "its coefficient of variation across runs"),
                    col("student_finetune_runs", LongType, "student fine-tuning runs averaged"),
                    col("student_finetune_kwh", DoubleType, "mean energy of a student fine-tuning"),
                    col("student_finetune_cv", DoubleType, "its coefficient of variation across runs"),
                    col("finetune_saving_pct", DoubleType, "(teacher - student) / teacher x 100"),
                    col("pretrain_equivalence", DoubleType, "pretrain_kwh / teacher_finetune_kwh: fine-tunings per pre-training"),
                    col("teacher_inference_j_per_example", DoubleType, "mean inference energy per example, teacher:"
                            + " (runs.energy_kwh - energy_setup_kwh) x 3.6e6 / examples, model loading left out"),
                    col("student_inference_j_per_example", DoubleType, "the same, student"),
                    col("teacher_per_model_kwh", DoubleType, "teacher fine-tuning + inferences_per_model inferences"),
                    col("student_per_model_kwh", DoubleType, "student fine-tuning + inferences_per_model inferences"),
                    col("n_star", DoubleType, "distill_kwh / (teacher_per_model_kwh - student_per_model_kwh); null when never"),
                    col("amortizes", BooleanType, "whether the distillation ever pays for itself"),
                    col("verdict", StringType, "after N models | never | no student runs | no distillation"),
                    col("inference_cv_across_tasks", DoubleType, "CV across tasks of teacher inference J/example"),
                    col("finetune_cv_across_tasks", DoubleType, "CV across tasks of teacher fine-tuning kWh"),
                    col("sweep_ids", createArrayType(StringType), "sweeps whose runs were used"),
                    col("computed_at", TimestampType, "when the row was computed")),
            List.of("pretrain_run_id", "distill_run_id", "hardware", "task", "inferences_per_model"),
            List.of(),
            "one row per lineage, hardware, task and inference count");

    /** The analysis tables, in the order the jobs write them. */
    public static List<LakeTable> all() {
        return List.of(REGRESSIONS, ENERGY_RATES, AMORTIZATION);
    }
}
