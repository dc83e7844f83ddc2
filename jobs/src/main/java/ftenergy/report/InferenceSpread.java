package ftenergy.report;

import ftenergy.run.RunKind;
import ftenergy.stats.EnergyRate;
import ftenergy.stats.SampleSummary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The paper's §4.4 for one hardware and model: inference energy per example across tasks, at one
 * inference batch size, beside fine-tuning energy per run across the same tasks, and how much each
 * spreads (coefficient of variation across tasks). The batch size is the paper's, 1, where
 * inference runs at batch size 1 exist, else the smallest measured ({@link #referenceBatch}).
 *
 * @param hardware runs.hardware
 * @param model the fine-tuned model
 * @param batchSize the inference batch size compared
 * @param tasks tasks with inference at {@code batchSize}, by name
 */
public record InferenceSpread(String hardware, String model, int batchSize, List<TaskRow> tasks) {

    public InferenceSpread {
        tasks = List.copyOf(tasks);
    }

    /**
     * One task.
     *
     * @param task runs.task
     * @param inferenceRuns inference runs averaged
     * @param joulesPerExample their mean J/example (the batches' window over every example, model loading left out)
     * @param finetuneKwh mean energy of a fine-tuning run of the model on the task and hardware; NaN if none
     */
    public record TaskRow(String task, long inferenceRuns, double joulesPerExample, double finetuneKwh) {}

    /** The tasks with both inference and fine-tuning measured: the ones the spreads compare. */
    public List<TaskRow> compared() {
        return tasks.stream().filter(t -> Double.isFinite(t.joulesPerExample()) && Double.isFinite(t.finetuneKwh())).toList();
    }

    /** CV across the compared tasks of inference J/example; NaN below two tasks. */
    public double inferenceCv() {
        return cv(compared().stream().mapToDouble(TaskRow::joulesPerExample).toArray());
    }

    /** CV across the compared tasks of fine-tuning kWh per run; NaN below two tasks. */
    public double finetuneCv() {
        return cv(compared().stream().mapToDouble(TaskRow::finetuneKwh).toArray());
    }

    /** The inference batch size the report compares: 1, the paper's, if measured, else the smallest; 0 for none. */
    public static int referenceBatch(Collection<Integer> measured) {
        if (measured.contains(1)) {
            return 1;
        }
        return measured.stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    /**
     * The spreads of every hardware and model with inference rates, from {@code energy_rates} rows
     * and the fine-tuning costs of the same runs.
     */
    static List<InferenceSpread> of(List<EnergyRate> rates, List<TaskCost> costs) {
        Map<String, List<EnergyRate>> byGroup = new TreeMap<>();
        for (EnergyRate rate : rates) {
            if (rate.kind().equals(RunKind.INFERENCE.label())) {
                byGroup.computeIfAbsent(rate.hardware() + "\u0000" + rate.model(), k -> new ArrayList<>()).add(rate);
            }
        }
        List<InferenceSpread> spreads = new ArrayList<>();
        for (List<EnergyRate> group : byGroup.values()) {
            int batch = referenceBatch(new TreeSet<>(group.stream().map(EnergyRate::batchSize).toList()));
            String hardware = group.get(0).hardware();
            String model = group.get(0).model();
            List<TaskRow> rows = new ArrayList<>();
            for (EnergyRate rate : group) {
                if (rate.batchSize() == batch) {
                    rows.add(new TaskRow(rate.task(), rate.runs(), rate.joulesPerExampleMean(),
                            finetuneKwh(costs, hardware, model, rate.task())));
                }
            }
            spreads.add(new InferenceSpread(hardware, model, batch, rows));
        }
        return spreads;
    }

    private static double finetuneKwh(List<TaskCost> costs, String hardware, String model, String task) {
        return costs.stream().filter(c -> c.kind().equals(RunKind.FINETUNE.label()) && c.hardware().equals(hardware)
                && c.model().equals(model) && c.task().equals(task)).mapToDouble(TaskCost::kwhMean).findFirst().orElse(Double.NaN);
    }

    private static double cv(double[] values) {
        return values.length < 2 ? Double.NaN : SampleSummary.of(values).coefficientOfVariation();
    }
}
