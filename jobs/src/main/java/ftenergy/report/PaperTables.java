package ftenergy.report;

import ftenergy.amortization.AmortizationRow;
import ftenergy.carbon.CarMiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The paper's tables, remade from the lakehouse's own runs, and the comparisons it draws beside them. */
final class PaperTables {

    private PaperTables() {}

    /** Table 1: the tasks, their examples and lengths. */
    static HtmlTable tasks(List<TaskExamples> tasks) {
        List<List<String>> rows = new ArrayList<>();
        for (TaskExamples t : tasks) {
            rows.add(List.of(t.task(), t.standsInFor() == null ? "" : t.standsInFor(), t.taskType(), Format.count(t.trainExamples()),
                    Format.count(t.validationExamples()), Format.number(t.meanTokens()), Format.count(t.maxTokens())));
        }
        return new HtmlTable("Table 1: tasks", List.of("task", "stands in for", "type", "train examples", "validation examples",
                "mean tokens", "max tokens"), rows,
                "Source: table examples (all tasks prepared into this lakehouse). Tokens are real tokens as prepared (examples.length,"
                        + " [CLS] and [SEP] included), over the train split.",
                "No examples in this lakehouse: run `ftenergy prepare`.");
    }

    /** Table 2: energy, emissions, time and miles driven per training run. */
    static HtmlTable costs(List<TaskCost> costs) {
        List<List<String>> rows = new ArrayList<>();
        for (TaskCost c : costs) {
            rows.add(List.of(c.kind(), c.task(), c.model(), c.hardware(), Format.count(c.runs()),
                    Format.number(c.kwhMean()) + " ± " + Format.number(c.kwhStandardDeviation()), Format.number(c.co2KgMean()),
                    Format.number(c.secondsMean() / 3600), Format.number(c.miles())));
        }
        return new HtmlTable("Table 2: energy, emissions and time of a training run", List.of("kind", "task", "model", "hardware",
                "runs", "kWh per run (mean ± sd)", "kg CO2e per run", "hours per run", "miles driven"), rows,
                "Source: runs (latest succeeded attempts of the analysed sweeps), means over runs of energy_kwh, co2_kg and"
                        + " duration_s. Miles: kg CO2e × 1000 / " + Format.number(CarMiles.GRAMS_CO2E_PER_MILE)
                        + " g CO2e per mile of an average passenger car, the factor the paper uses (U.S. EPA, \"Greenhouse Gas"
                        + " Emissions from a Typical Passenger Vehicle\").",
                "No analysable training runs.");
    }

    /** Table 3: teacher against student, with inference at the reference batch size. */
    static HtmlTable teacherStudent(List<AmortizationRow> amortization) {
        List<List<String>> rows = new ArrayList<>();
        for (AmortizationRow r : amortization) {
            if (r.inferencesPerModel() != 0 || r.distillRunId() == null) {
                continue;
            }
            List<AmortizationRow> counted = amortization.stream().filter(k -> k.inferencesPerModel() > 0
                    && k.pretrainRunId().equals(r.pretrainRunId()) && Objects.equals(k.distillRunId(), r.distillRunId())
                    && k.hardware().equals(r.hardware()) && k.task().equals(r.task())).toList();
            int batch = InferenceSpread.referenceBatch(counted.stream().map(AmortizationRow::inferenceBatchSize).toList());
            List<AmortizationRow> atBatch = counted.stream().filter(k -> k.inferenceBatchSize() == batch)
                    .sorted(Comparator.comparingLong(AmortizationRow::inferencesPerModel)).toList();
            List<String> withInferences = new ArrayList<>();
            atBatch.forEach(k -> withInferences.add(Format.count(k.inferencesPerModel()) + ": "
                    + (k.amortizes() ? Format.number(k.nStar()) : "never")));
            AmortizationRow inference = atBatch.isEmpty() ? null : atBatch.get(0);
            rows.add(List.of(r.hardware(), r.task(), r.teacherModel(), String.valueOf(r.studentModel()),
                    Format.number(r.pretrainKwh()), Format.number(r.distillKwh()) + " (" + Format.percent(r.distillOverheadPercent()) + ")",
                    Format.number(r.teacherFinetuneKwh()), Format.number(r.studentFinetuneKwh()), Format.percent(r.finetuneSavingPercent()),
                    r.amortizes() ? Format.number(r.nStar()) : "never",
                    batch == 0 ? "—" : String.valueOf(batch),
                    inference == null ? "—" : Format.number(inference.teacherInferenceJoulesPerExample()),
                    inference == null ? "—" : Format.number(inference.studentInferenceJoulesPerExample()),
                    withInferences.isEmpty() ? "—" : String.join("; ", withInferences),
                    r.sameHardware() ? "yes" : "no: pre-training on " + r.pretrainHardware()
                            + (r.distillHardware() == null ? "" : ", distillation on " + r.distillHardware())));
        }
        return new HtmlTable("Table 3: teacher and student", List.of("hardware", "task", "teacher", "student", "pre-training kWh",
                "distillation kWh (of pre-training)", "teacher fine-tune kWh", "student fine-tune kWh", "student saving",
                "N* (fine-tuning only)", "inference batch", "teacher J/example", "student J/example", "N* with inferences per model",
                "same hardware"), rows,
                "Source: table amortization. N* = distill_kwh / (teacher − student energy per model), a model being one"
                        + " fine-tuning plus the inferences counted; teacher and student are compared on the same hardware and at"
                        + " the same inference batch size: 1, the paper's, where inference runs at batch size 1 exist, else the"
                        + " smallest measured (shown). J/example is the batches' window over every example predicted, model"
                        + " loading left out. \"same hardware\" no: the pre-training's or distillation's energy was measured on"
                        + " other hardware than the fine-tunes it is divided by.",
                "No distillation with student fine-tunes in these sweeps.");
    }

    /** Table 4: inference per example across tasks, with fine-tuning beside it, and their spreads. */
    static HtmlTable inferenceAcrossTasks(List<InferenceSpread> spreads) {
        List<List<String>> rows = new ArrayList<>();
        for (InferenceSpread s : spreads) {
            for (InferenceSpread.TaskRow t : s.tasks()) {
                rows.add(List.of(s.hardware(), s.model(), String.valueOf(s.batchSize()), t.task(), Format.count(t.inferenceRuns()),
                        Format.number(t.joulesPerExample()), Format.number(t.finetuneKwh()), "", ""));
            }
            rows.add(List.of(s.hardware(), s.model(), String.valueOf(s.batchSize()), "spread across " + s.compared().size()
                    + " tasks (CV)", "", "", "", Format.number(s.inferenceCv()), Format.number(s.finetuneCv())));
        }
        return new HtmlTable("Table 4: inference energy per example across tasks", List.of("hardware", "model", "inference batch",
                "task", "inference runs", "J per example", "fine-tune kWh per run", "CV inference", "CV fine-tuning"), rows,
                "Source: energy_rates (kind inference: j_per_example_mean, the batches' window over every example predicted,"
                        + " model loading left out) and runs (kind finetune: mean energy_kwh). Inference at batch size 1, the"
                        + " paper's, where measured, else the smallest batch size measured (shown); batch sizes are never pooled."
                        + " CV = standard deviation / mean across the tasks measured both ways (the paper's §4.4).",
                "No inference runs in these sweeps.");
    }

    /** What length-grouped batching saves. */
    static HtmlTable padding(List<PaddingComparison> padding) {
        List<List<String>> rows = new ArrayList<>();
        for (PaddingComparison p : padding) {
            rows.add(List.of(p.hardware(), p.model(), p.task(), Format.count(p.pairs()), Format.number(p.kwhRandom()),
                    Format.number(p.kwhGrouped()), Format.percent(p.savingPercent()), Format.number(p.paddedTokensRandom()),
                    Format.number(p.paddedTokensGrouped()), Format.percent(p.tokenSavingPercent())));
        }
        return new HtmlTable("Padding saved by length-grouped batching", List.of("hardware", "model", "task", "pairs",
                "kWh random order", "kWh length-grouped", "energy saved", "padded tokens random", "padded tokens grouped",
                "padded tokens saved"), rows,
                "Source: runs (kind finetune): pairs of runs identical in every setting (task, model, hyperparameters, seed,"
                        + " hardware) but length_grouped, means of energy_kwh and tokens_padded over the pairs.",
                "No fine-tuning runs differ only in length_grouped: add both values to the sweep's grid"
                        + " (ftenergy.sweep.finetune.grid.length-grouped = [false, true]) to measure the saving.");
    }

    /** Single against multi-GPU training. */
    static HtmlTable devices(DeviceScaling scaling) {
        List<List<String>> rows = new ArrayList<>();
        for (DeviceScaling.Comparison c : scaling.comparisons()) {
            rows.add(List.of(c.kind(), c.hardware(), c.model(), c.task(), String.valueOf(c.devices()), Format.count(c.pairs()),
                    Format.number(c.singleKwh()), Format.number(c.multiKwh()), Format.number(c.multiKwh() / c.singleKwh()),
                    Format.number(c.singleSeconds()), Format.number(c.multiSeconds())));
        }
        String none = scaling.multiDeviceRuns() == 0
                ? "There are no multi-GPU runs in these sweeps (every training run used one device), so single and multi-GPU"
                        + " training cannot be compared: run a sweep with ftenergy.sweep.gpus-per-run > 1 beside one with 1."
                : scaling.multiDeviceRuns() + " training runs used several devices, but none has a single-device counterpart"
                        + " (the same run with gpus-per-run 1) to compare with.";
        return new HtmlTable("Single and multi-GPU training", List.of("kind", "hardware", "model", "task", "devices", "pairs",
                "kWh on 1", "kWh on devices", "energy ratio", "seconds on 1", "seconds on devices"), rows,
                "Source: runs: pairs of runs identical in every setting but the GPUs they asked for (device_count 1 against"
                        + " more), means of energy_kwh and duration_s.", none);
    }
}
