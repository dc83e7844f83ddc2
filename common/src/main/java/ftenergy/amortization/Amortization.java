package ftenergy.amortization;

import ftenergy.meter.EnergyUnit;

import ftenergy.stats.AnalysisException;

import java.util.Locale;

/**
 * The paper's comparisons between pre-training, distillation, fine-tuning and inference energy.
 * Energies of whole runs are in kWh, per-example inference energies in joules. Every function
 * rejects non-finite or negative inputs, naming the quantity.
 */
public final class Amortization {

    private Amortization() {}

    /** Pre-training equivalence: how many fine-tunings cost as much as one pre-training, E_pretrain / E_finetune. */
    public static double pretrainEquivalence(double pretrainKwh, double finetuneKwh) {
        requirePositive("pre-training energy", pretrainKwh);
        requirePositive("fine-tuning energy", finetuneKwh);
        return pretrainKwh / finetuneKwh;
    }

    /** Distillation overhead, E_distill as a percentage of E_pretrain. */
    public static double overheadPercent(double distillKwh, double pretrainKwh) {
        requireNonNegative("distillation energy", distillKwh);
        requirePositive("pre-training energy", pretrainKwh);
        return 100.0 * distillKwh / pretrainKwh;
    }

    /** Saving of the student over the teacher, 100 · (E_teacher − E_student) / E_teacher; negative when the student costs more. */
    public static double savingPercent(double teacherKwh, double studentKwh) {
        requirePositive("teacher energy", teacherKwh);
        requireNonNegative("student energy", studentKwh);
        return 100.0 * (teacherKwh - studentKwh) / teacherKwh;
    }

    /**
     * Energy of one deployed model: its fine-tuning plus {@code inferences} single-example
     * inferences at {@code inferenceJoulesPerExample} each.
     */
    public static double perModelKwh(double finetuneKwh, double inferenceJoulesPerExample, long inferences) {
        requireNonNegative("fine-tuning energy", finetuneKwh);
        if (inferences < 0) {
            throw new AnalysisException("inferences per model must be ≥ 0, got " + inferences);
        }
        if (inferences == 0) {
            return finetuneKwh;
        }
        requireNonNegative("inference energy per example", inferenceJoulesPerExample);
        return finetuneKwh + EnergyUnit.joulesToKwh(inferences * inferenceJoulesPerExample);
    }

    /**
     * Distillation amortization N* = E_distill / (E_teacher − E_student), the number of models
     * (fine-tunings, plus their inferences when counted in the per-model energies) after which the
     * distillation has paid for itself; {@link BreakEven.Never} when the student is not cheaper.
     */
    public static BreakEven breakEven(double distillKwh, double teacherPerModelKwh, double studentPerModelKwh) {
        requireNonNegative("distillation energy", distillKwh);
        requireNonNegative("teacher energy per model", teacherPerModelKwh);
        requireNonNegative("student energy per model", studentPerModelKwh);
        double saving = teacherPerModelKwh - studentPerModelKwh;
        if (saving <= 0) {
            return new BreakEven.Never(String.format(Locale.ROOT,
                    "student %.4g kWh per model is not cheaper than teacher %.4g kWh", studentPerModelKwh, teacherPerModelKwh));
        }
        return new BreakEven.After(distillKwh / saving);
    }

    private static void requirePositive(String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new AnalysisException(what + " must be a positive number, got " + value);
        }
    }

    private static void requireNonNegative(String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new AnalysisException(what + " must be a finite number ≥ 0, got " + value);
        }
    }
}
