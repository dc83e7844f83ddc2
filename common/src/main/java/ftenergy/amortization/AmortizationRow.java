package ftenergy.amortization;

import java.util.List;

/**
 * The paper's comparisons for one lineage (a pre-training and, if any, its distillation), one
 * hardware, one task, one inference count and one inference batch size: a row of
 * {@code amortization}. Teacher and student are compared on the same hardware and, when inferences
 * are counted, at the same inference batch size; where the pre-training or distillation ran on
 * other hardware, {@link #sameHardware} says so. Missing quantities are NaN (null in the table).
 *
 * @param pretrainRunId the teacher's pre-training run
 * @param distillRunId the distillation run, or {@code null} when the lineage has none
 * @param hardware hardware of the fine-tuning and inference runs compared
 * @param task the fine-tuning task
 * @param inferencesPerModel inferences counted per fine-tuned model (0: fine-tuning only)
 * @param inferenceBatchSize batch size of the inference runs counted, on both sides; 0 when no
 *     inference is counted ({@code inferencesPerModel} 0)
 * @param teacherModel model name on the teacher side
 * @param studentModel model name on the student side, or {@code null}
 * @param pretrainKwh energy of the pre-training run
 * @param pretrainHardware where it ran
 * @param distillKwh energy of the distillation run
 * @param distillHardware where it ran, or {@code null}
 * @param sameHardware whether the pre-training and the distillation (if any) ran on {@code hardware}:
 *     when not, pre-training equivalence and N* divide energies measured on different hardware
 * @param distillOverheadPercent distillKwh as % of pretrainKwh
 * @param teacherFinetuneRuns teacher fine-tunings averaged
 * @param teacherFinetuneKwh their mean energy
 * @param teacherFinetuneCv their coefficient of variation
 * @param studentFinetuneRuns student fine-tunings averaged (0 if none)
 * @param studentFinetuneKwh their mean energy
 * @param studentFinetuneCv their coefficient of variation
 * @param finetuneSavingPercent (teacher − student) / teacher × 100
 * @param pretrainEquivalence pretrainKwh / teacherFinetuneKwh
 * @param teacherInferenceJoulesPerExample mean teacher inference energy per example at
 *     {@code inferenceBatchSize} (the batches' window over every example, model loading left out)
 * @param studentInferenceJoulesPerExample the same, student
 * @param teacherPerModelKwh teacher fine-tuning plus the counted inferences
 * @param studentPerModelKwh student fine-tuning plus the counted inferences
 * @param nStar models after which the distillation has paid for itself; NaN when never or not applicable
 * @param amortizes whether it ever pays for itself
 * @param verdict "after N models", "never", "no student fine-tunes" or "no distillation"
 * @param inferenceCvAcrossTasks CV across tasks of teacher inference J/example (lineage, hardware and
 *     inference batch size); NaN when no inference is counted
 * @param finetuneCvAcrossTasks CV across tasks of teacher fine-tuning kWh (lineage and hardware)
 * @param sweepIds sweeps whose runs were used
 */
public record AmortizationRow(
        String pretrainRunId,
        String distillRunId,
        String hardware,
        String task,
        long inferencesPerModel,
        int inferenceBatchSize,
        String teacherModel,
        String studentModel,
        double pretrainKwh,
        String pretrainHardware,
        double distillKwh,
        String distillHardware,
        boolean sameHardware,
        double distillOverheadPercent,
        long teacherFinetuneRuns,
        double teacherFinetuneKwh,
        double teacherFinetuneCv,
        long studentFinetuneRuns,
        double studentFinetuneKwh,
        double studentFinetuneCv,
        double finetuneSavingPercent,
        double pretrainEquivalence,
        double teacherInferenceJoulesPerExample,
        double studentInferenceJoulesPerExample,
        double teacherPerModelKwh,
        double studentPerModelKwh,
        double nStar,
        boolean amortizes,
        String verdict,
        double inferenceCvAcrossTasks,
        double finetuneCvAcrossTasks,
        List<String> sweepIds) {

    public AmortizationRow {
        sweepIds = List.copyOf(sweepIds);
    }
}
