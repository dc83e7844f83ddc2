package ftenergy.lake;

import static ftenergy.lake.RunsTable.finite;
import static ftenergy.lake.EnergyRatesTable.number;
import static ftenergy.lake.RunsTable.timestamp;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import ftenergy.amortization.AmortizationRow;
import java.util.List;
import org.apache.spark.sql.Row;

/** The {@code amortization} table: the paper's comparisons of pre-training, distillation, fine-tuning and inference. */
public final class AmortizationTable {

    private AmortizationTable() {}

    /** Stands for "no distillation" in the key, which may not be null. */
    public static final String NO_DISTILLATION = "";

    public static final TableColumns<Analysed<AmortizationRow>> COLUMNS = TableColumns.<Analysed<AmortizationRow>>builder()
            .key("pretrain_run_id", StringType, "the teacher's pre-training run", a -> a.result().pretrainRunId())
            .key("distill_run_id", StringType, "the distillation run ('' when no student)",
                    a -> a.result().distillRunId() == null ? NO_DISTILLATION : a.result().distillRunId())
            .key("hardware", StringType, "hardware of the fine-tuning and inference runs compared", a -> a.result().hardware())
            .key("task", StringType, "fine-tuning task", a -> a.result().task())
            .key("inferences_per_model", LongType, "inferences counted per fine-tuned model (0 = fine-tuning only)",
                    a -> a.result().inferencesPerModel())
            .add("teacher_model", StringType, "model name on the teacher side", a -> a.result().teacherModel())
            .add("student_model", StringType, "model name on the student side", a -> a.result().studentModel())
            .add("pretrain_kwh", DoubleType, "energy of the pre-training run", a -> finite(a.result().pretrainKwh()))
            .add("pretrain_hardware", StringType, "where it ran", a -> a.result().pretrainHardware())
            .add("distill_kwh", DoubleType, "energy of the distillation run", a -> finite(a.result().distillKwh()))
            .add("distill_overhead_pct", DoubleType, "distill_kwh / pretrain_kwh x 100", a -> finite(a.result().distillOverheadPercent()))
            .add("teacher_finetune_runs", LongType, "teacher fine-tuning runs averaged", a -> a.result().teacherFinetuneRuns())
            .add("teacher_finetune_kwh", DoubleType, "mean energy of a teacher fine-tuning", a -> finite(a.result().teacherFinetuneKwh()))
            .add("teacher_finetune_cv", DoubleType, "its coefficient of variation across runs", a -> finite(a.result().teacherFinetuneCv()))
            .add("student_finetune_runs", LongType, "student fine-tuning runs averaged", a -> a.result().studentFinetuneRuns())
            .add("student_finetune_kwh", DoubleType, "mean energy of a student fine-tuning", a -> finite(a.result().studentFinetuneKwh()))
            .add("student_finetune_cv", DoubleType, "its coefficient of variation across runs", a -> finite(a.result().studentFinetuneCv()))
            .add("finetune_saving_pct", DoubleType, "(teacher - student) / teacher x 100", a -> finite(a.result().finetuneSavingPercent()))
            .add("pretrain_equivalence", DoubleType, "pretrain_kwh / teacher_finetune_kwh: fine-tunings per pre-training",
                    a -> finite(a.result().pretrainEquivalence()))
            .add("teacher_inference_j_per_example", DoubleType, "mean inference energy per example at inference_batch_size,"
                    + " teacher: (runs.energy_kwh - energy_setup_kwh) in joules / examples (every pass), model loading left out",
                    a -> finite(a.result().teacherInferenceJoulesPerExample()))
            .add("student_inference_j_per_example", DoubleType, "the same, student",
                    a -> finite(a.result().studentInferenceJoulesPerExample()))
            .add("teacher_per_model_kwh", DoubleType, "teacher fine-tuning + inferences_per_model inferences",
                    a -> finite(a.result().teacherPerModelKwh()))
            .add("student_per_model_kwh", DoubleType, "student fine-tuning + inferences_per_model inferences",
                    a -> finite(a.result().studentPerModelKwh()))
            .add("n_star", DoubleType, "distill_kwh / (teacher_per_model_kwh - student_per_model_kwh); null when never",
                    a -> finite(a.result().nStar()))
            .add("amortizes", BooleanType, "whether the distillation ever pays for itself", a -> a.result().amortizes())
            .add("verdict", StringType, "after N models | never | no student runs | no distillation", a -> a.result().verdict())
            .add("inference_cv_across_tasks", DoubleType, "CV across tasks of teacher inference J/example at"
                    + " inference_batch_size",
                    a -> finite(a.result().inferenceCvAcrossTasks()))
            .add("finetune_cv_across_tasks", DoubleType, "CV across tasks of teacher fine-tuning kWh",
                    a -> finite(a.result().finetuneCvAcrossTasks()))
            .add("sweep_ids", createArrayType(StringType), "sweeps whose runs were used", a -> a.result().sweepIds().toArray(String[]::new))
            .add("computed_at", TimestampType, "when the row was computed", a -> timestamp(a.computedAt()))
            .key("sweep_id", StringType, "the sweeps analysed together: a sweep id, ids joined with +, or * for every"
                    + " sweep of the lakehouse", Analysed::sweepScope)
            .key("inference_batch_size", IntegerType, "batch size of the inference runs counted, the same on both sides (batch"
                    + " sizes are never pooled); 0 when no inference is counted", a -> a.result().inferenceBatchSize())
            .add("distill_hardware", StringType, "where the distillation ran", a -> a.result().distillHardware())
            .add("same_hardware", BooleanType, "whether pre-training and distillation ran on the fine-tunes' hardware; false:"
                    + " pretrain_equivalence and n_star divide energies measured on different hardware", a -> a.result().sameHardware())
            .build();

    public static final LakeTable TABLE = new LakeTable("amortization", COLUMNS.schema(), COLUMNS.keys(), List.of(),
            "one row per lineage, hardware, task, inference count and inference batch size").withChecks(COLUMNS);

    /**
     * A row back as the record it was written from; null numbers read as NaN. Rows written before
     * {@code inference_batch_size} read as batch size 0, before {@code same_hardware} as compared
     * on the pre-training's hardware.
     */
    public static AmortizationRow row(Row r) {
        String distill = r.getAs("distill_run_id");
        String hardware = r.getAs("hardware");
        String pretrainHardware = r.getAs("pretrain_hardware");
        return new AmortizationRow(r.getAs("pretrain_run_id"), NO_DISTILLATION.equals(distill) ? null : distill, hardware,
                r.getAs("task"), r.<Long>getAs("inferences_per_model"),
                r.isNullAt(r.fieldIndex("inference_batch_size")) ? 0 : r.<Integer>getAs("inference_batch_size"),
                r.getAs("teacher_model"), r.getAs("student_model"), number(r, "pretrain_kwh"), pretrainHardware,
                number(r, "distill_kwh"), r.getAs("distill_hardware"),
                r.isNullAt(r.fieldIndex("same_hardware")) ? hardware.equals(pretrainHardware) : r.<Boolean>getAs("same_hardware"),
                number(r, "distill_overhead_pct"), r.<Long>getAs("teacher_finetune_runs"), number(r, "teacher_finetune_kwh"),
                number(r, "teacher_finetune_cv"), r.<Long>getAs("student_finetune_runs"), number(r, "student_finetune_kwh"),
                number(r, "student_finetune_cv"), number(r, "finetune_saving_pct"), number(r, "pretrain_equivalence"),
                number(r, "teacher_inference_j_per_example"), number(r, "student_inference_j_per_example"),
                number(r, "teacher_per_model_kwh"), number(r, "student_per_model_kwh"), number(r, "n_star"),
                r.<Boolean>getAs("amortizes"), r.getAs("verdict"), number(r, "inference_cv_across_tasks"),
                number(r, "finetune_cv_across_tasks"), r.<String>getList(r.fieldIndex("sweep_ids")));
    }
}
