package ftenergy.report;

import ftenergy.amortization.AmortizationRow;
import ftenergy.run.RunKind;
import ftenergy.stats.EnergyRate;
import ftenergy.stats.RegressionFit;
import ftenergy.stats.SampleSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Checks the paper's claims on the lakehouse's analyses: each reads holds, does not hold, or
 * cannot decide (too few runs, tasks or models), with the numbers behind it. Pure: the tables are
 * read before.
 */
final class Findings {

    /** R² from which a line explains energy "well": the paper's fits of energy on tokens reach it. */
    static final double GOOD_FIT_R2 = 0.9;

    private static final String FINETUNE = RunKind.FINETUNE.label();
    private static final String WHOLE_RUN = "energy_kwh";
    private static final String TRAINING_LOOP = "energy_steps_kwh";

    private Findings() {}

    /** The claims, in the paper's order. */
    static List<Claim> check(List<RegressionFit> fits, List<EnergyRate> rates, List<AmortizationRow> amortization,
            List<InferenceSpread> spreads) {
        return List.of(linearInTokens(fits), timePredicts(fits), costPerStepVariesByTask(rates), inferenceSpreadsLess(spreads),
                pretrainingEquivalence(amortization), distillationPremium(amortization), amortizes(amortization));
    }

    static Claim linearInTokens(List<RegressionFit> fits) {
        String statement = "Fine-tuning energy grows linearly with the tokens processed, dynamic padding included.";
        String paper = "A line in padded tokens explains fine-tuning energy (R² ≥ 0.9), per hardware and model.";
        String source = "regressions: r2 of energy_kwh (and energy_steps_kwh) on tokens_padded with intercept, kind finetune";
        List<RegressionFit> whole = fineTuningFits(fits, WHOLE_RUN, "tokens_padded");
        if (whole.isEmpty()) {
            return new Claim(statement, paper, Verdict.CANNOT_DECIDE, "no hardware × model group has enough fine-tuning runs"
                    + " to fit (see the regressions' skipped groups)", source);
        }
        List<String> parts = new ArrayList<>();
        for (RegressionFit fit : whole) {
            Optional<RegressionFit> loop = partner(fits, fit, TRAINING_LOOP);
            parts.add(fit.hardware() + " · " + fit.model() + ": R² " + Format.number(fit.r2()) + " (" + fit.rows() + " runs)"
                    + loop.map(l -> ", training loop alone " + Format.number(l.r2())).orElse(""));
        }
        return new Claim(statement, paper, verdict(whole, f -> f.r2() >= GOOD_FIT_R2), String.join("; ", parts), source);
    }

    static Claim timePredicts(List<RegressionFit> fits) {
        String statement = "Wall time predicts fine-tuning energy as well as padded tokens do.";
        String paper = "Tokens and wall time predict energy far better than steps or examples.";
        String source = "regressions: r2 of energy_kwh on duration_s, tokens_padded, steps and examples, kind finetune";
        List<RegressionFit> time = fineTuningFits(fits, WHOLE_RUN, "duration_s");
        if (time.isEmpty()) {
            return new Claim(statement, paper, Verdict.CANNOT_DECIDE, "no hardware × model group has enough fine-tuning runs"
                    + " to fit", source);
        }
        List<String> parts = new ArrayList<>();
        for (RegressionFit fit : time) {
            parts.add(fit.hardware() + " · " + fit.model() + ": R² time " + Format.number(fit.r2())
                    + r2Of(fits, fit, "tokens_padded", "tokens") + r2Of(fits, fit, "steps", "steps")
                    + r2Of(fits, fit, "examples", "examples"));
        }
        return new Claim(statement, paper, verdict(time, f -> f.r2() >= GOOD_FIT_R2), String.join("; ", parts), source);
    }

    static Claim costPerStepVariesByTask(List<EnergyRate> rates) {
        String statement = "A step and an example cost different energy in different tasks; a padded token costs the same.";
        String paper = "Steps and examples predict energy poorly because tasks differ in tokens per step and per example.";
        String source = "energy_rates (kind finetune): coefficient of variation across tasks of j_per_step_mean,"
                + " j_per_example_mean and j_per_token_padded_mean, per hardware, model and batch size";
        Map<String, List<EnergyRate>> groups = new TreeMap<>();
        for (EnergyRate rate : rates) {
            if (rate.kind().equals(FINETUNE) && Double.isFinite(rate.joulesPerStepMean()) && Double.isFinite(rate.joulesPerExampleMean())
                    && Double.isFinite(rate.joulesPerPaddedTokenMean())) {
                groups.computeIfAbsent(rate.hardware() + " · " + rate.model() + " · batch " + rate.batchSize(), k -> new ArrayList<>())
                        .add(rate);
            }
        }
        groups.values().removeIf(g -> g.size() < 2);
        if (groups.isEmpty()) {
            return new Claim(statement, paper, Verdict.CANNOT_DECIDE, "no hardware, model and batch size has fine-tuning"
                    + " runs of two tasks or more", source);
        }
        List<String> parts = new ArrayList<>();
        boolean holds = true;
        for (Map.Entry<String, List<EnergyRate>> group : groups.entrySet()) {
            double step = cv(group.getValue().stream().mapToDouble(EnergyRate::joulesPerStepMean).toArray());
            double example = cv(group.getValue().stream().mapToDouble(EnergyRate::joulesPerExampleMean).toArray());
            double token = cv(group.getValue().stream().mapToDouble(EnergyRate::joulesPerPaddedTokenMean).toArray());
            holds &= token < step && token < example;
            parts.add(group.getKey() + " over " + group.getValue().size() + " tasks: CV of J/step " + Format.number(step)
                    + ", J/example " + Format.number(example) + ", J/padded token " + Format.number(token));
        }
        return new Claim(statement, paper, holds ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD, String.join("; ", parts), source);
    }

    static Claim inferenceSpreadsLess(List<InferenceSpread> spreads) {
        String statement = "Inference energy per example varies less across tasks than fine-tuning energy.";
        String paper = "Per-example inference energy varies far less across tasks than fine-tuning energy (§4.4).";
        String source = "energy_rates (kind inference, j_per_example_mean) and runs (kind finetune, energy_kwh): coefficient of"
                + " variation across the tasks measured both ways";
        List<InferenceSpread> comparable = spreads.stream().filter(s -> s.compared().size() >= 2).toList();
        if (comparable.isEmpty()) {
            return new Claim(statement, paper, Verdict.CANNOT_DECIDE, "no model has inference and fine-tuning runs of two tasks"
                    + " or more on one hardware", source);
        }
        List<String> parts = new ArrayList<>();
        for (InferenceSpread s : comparable) {
            parts.add(s.hardware() + " · " + s.model() + ", inference at batch " + s.batchSize()
                    + (s.batchSize() == 1 ? "" : " (no batch-1 runs)") + ", " + s.compared().size() + " tasks: CV inference "
                    + Format.number(s.inferenceCv()) + " vs fine-tuning " + Format.number(s.finetuneCv()));
        }
        return new Claim(statement, paper, verdict(comparable, s -> s.inferenceCv() < s.finetuneCv()), String.join("; ", parts),
                source);
    }

    static Claim pretrainingEquivalence(List<AmortizationRow> amortization) {
        String statement = "Pre-training costs as much as many fine-tunings.";
        String paper = "Pre-training BERT-base costs as much as 400 (MNLI) to 45,000 (RTE) fine-tuning runs.";
        String source = "amortization: pretrain_equivalence = pretrain_kwh / teacher_finetune_kwh (inferences_per_model 0)";
        // One row per pre-training, hardware and task: the rows of its several distillations repeat the same ratio.
        Map<String, AmortizationRow> perTask = new TreeMap<>();
        for (AmortizationRow r : fineTuningOnly(amortization, r -> Double.isFinite(r.pretrainEquivalence()))) {
            perTask.putIfAbsent(r.pretrainRunId() + "\u0000" + r.hardware() + "\u0000" + r.task(), r);
        }
        List<AmortizationRow> rows = List.copyOf(perTask.values());
        if (rows.isEmpty()) {
            return new Claim(statement, paper, Verdict.CANNOT_DECIDE, "no fine-tuning run descends from a measured pre-training", source);
        }
        List<String> parts = new ArrayList<>();
        for (AmortizationRow r : rows) {
            parts.add(r.task() + " on " + r.hardware() + ": " + Format.number(r.pretrainEquivalence()) + " fine-tunings"
                    + hardwareNote(r));
        }
        return new Claim(statement, paper, verdict(rows, r -> r.pretrainEquivalence() > 1), String.join("; ", parts), source);
    }

    static Claim distillationPremium(List<AmortizationRow> amortization) {
        String statement = "Distillation costs energy on top of pre-training, and the student then fine-tunes with less.";
        String paper = "Distillation adds to pre-training's cost; DistilBERT fine-tunes with markedly less energy.";
        String source = "amortization: distill_overhead_pct, finetune_saving_pct (inferences_per_model 0)";
        List<AmortizationRow> rows = fineTuningOnly(amortization, r -> r.distillRunId() != null && r.studentFinetuneRuns() > 0);
        if (rows.isEmpty()) {
            return new Claim(statement, paper, Verdict.CANNOT_DECIDE, "no distillation with student fine-tunes", source);
        }
        List<String> parts = new ArrayList<>();
        for (AmortizationRow r : rows) {
            parts.add(r.task() + " on " + r.hardware() + ": distillation " + Format.percent(r.distillOverheadPercent())
                    + " of pre-training, student fine-tunes " + Format.percent(r.finetuneSavingPercent()) + " cheaper"
                    + hardwareNote(r));
        }
        return new Claim(statement, paper, verdict(rows, r -> r.distillOverheadPercent() > 0 && r.finetuneSavingPercent() > 0),
                String.join("; ", parts), source);
    }

    static Claim amortizes(List<AmortizationRow> amortization) {
        String statement = "The distillation pays for itself after a finite number N* of fine-tuned models.";
        String paper = "Distillation pays for itself after 86 (MNLI-like) to 47,000 (RTE-like) fine-tunings.";
        String source = "amortization: n_star = distill_kwh / (teacher_per_model_kwh − student_per_model_kwh);"
                + " inferences counted at the inference batch size shown";
        List<AmortizationRow> rows = fineTuningOnly(amortization, r -> r.distillRunId() != null && r.studentFinetuneRuns() > 0);
        if (rows.isEmpty()) {
            return new Claim(statement, paper, Verdict.CANNOT_DECIDE, "no distillation with student fine-tunes", source);
        }
        List<String> parts = new ArrayList<>();
        for (AmortizationRow r : rows) {
            StringBuilder part = new StringBuilder(r.task() + " on " + r.hardware() + ": N* " + nStar(r));
            withInferences(amortization, r).forEach(k -> part.append(", with ").append(Format.count(k.inferencesPerModel()))
                    .append(" inferences per model at batch ").append(k.inferenceBatchSize()).append(' ').append(nStar(k)));
            parts.add(part + hardwareNote(r));
        }
        return new Claim(statement, paper, verdict(rows, AmortizationRow::amortizes), String.join("; ", parts), source);
    }

    private static String nStar(AmortizationRow r) {
        return r.amortizes() ? Format.number(r.nStar()) : "never (student not cheaper)";
    }

    /** The rows of the same lineage, hardware and task counting inferences, at the report's reference batch size. */
    private static List<AmortizationRow> withInferences(List<AmortizationRow> amortization, AmortizationRow base) {
        List<AmortizationRow> same = amortization.stream().filter(r -> r.inferencesPerModel() > 0
                && r.pretrainRunId().equals(base.pretrainRunId()) && java.util.Objects.equals(r.distillRunId(), base.distillRunId())
                && r.hardware().equals(base.hardware()) && r.task().equals(base.task())).toList();
        int batch = InferenceSpread.referenceBatch(same.stream().map(AmortizationRow::inferenceBatchSize).toList());
        return same.stream().filter(r -> r.inferenceBatchSize() == batch)
                .sorted(Comparator.comparingLong(AmortizationRow::inferencesPerModel)).toList();
    }

    private static List<AmortizationRow> fineTuningOnly(List<AmortizationRow> amortization, Predicate<AmortizationRow> keep) {
        return amortization.stream().filter(r -> r.inferencesPerModel() == 0).filter(keep).toList();
    }

    private static String hardwareNote(AmortizationRow r) {
        if (r.sameHardware()) {
            return "";
        }
        return " (pre-training measured on " + r.pretrainHardware()
                + (r.distillHardware() == null ? "" : ", distillation on " + r.distillHardware()) + ", not " + r.hardware() + ")";
    }

    private static List<RegressionFit> fineTuningFits(List<RegressionFit> fits, String response, String predictor) {
        return fits.stream().filter(f -> f.kind().equals(FINETUNE) && f.response().equals(response)
                && f.predictorSet().equals(predictor) && f.withIntercept()).toList();
    }

    /** The fit of the same group on another response or predictor set, with intercept. */
    private static Optional<RegressionFit> partner(List<RegressionFit> fits, RegressionFit fit, String response) {
        return partner(fits, fit, response, fit.predictorSet());
    }

    private static Optional<RegressionFit> partner(List<RegressionFit> fits, RegressionFit fit, String response, String predictor) {
        return fits.stream().filter(f -> f.response().equals(response) && f.predictorSet().equals(predictor) && f.withIntercept()
                && f.hardware().equals(fit.hardware()) && f.kind().equals(fit.kind()) && f.model().equals(fit.model())
                && f.batchSize() == fit.batchSize()).findFirst();
    }

    private static String r2Of(List<RegressionFit> fits, RegressionFit fit, String predictor, String name) {
        return partner(fits, fit, WHOLE_RUN, predictor).map(f -> ", " + name + " " + Format.number(f.r2())).orElse("");
    }

    private static <T> Verdict verdict(List<T> cases, Predicate<T> agrees) {
        return cases.stream().allMatch(agrees) ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD;
    }

    private static double cv(double[] values) {
        return SampleSummary.of(values).coefficientOfVariation();
    }
}
