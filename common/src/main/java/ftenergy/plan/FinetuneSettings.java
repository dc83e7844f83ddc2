package ftenergy.plan;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import ftenergy.config.ConfigReader;
import ftenergy.run.StopRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's fine-tuning runs, under {@code ftenergy.sweep.finetune}: task × model × grid point × seed.
 *
 * @param tasks fine-tuning tasks
 * @param models {@code teacher} and/or {@code student}
 * @param grid the hyperparameter grid
 * @param taskGrids the grids of tasks that replace some of {@code grid}'s lists, by task
 * @param randomSamples grid points to draw at random (0 = full grid)
 * @param sampleSeed seed of that draw
 * @param seeds run seeds
 * @param maxSteps step cap per run (0 = none)
 * @param maxTrainExamples cap on training examples per task (0 = all)
 * @param maxEvalExamples cap on evaluation examples per task
 * @param earlyStop runs end at the first evaluation reaching this, or {@code null}
 */
public record FinetuneSettings(
        List<String> tasks,
        List<String> models,
        GridSettings grid,
        Map<String, GridSettings> taskGrids,
        int randomSamples,
        long sampleSeed,
        List<Long> seeds,
        int maxSteps,
        int maxTrainExamples,
        int maxEvalExamples,
        StopRule earlyStop) {

    /** Metrics the runs report at evaluations, hence the ones a stop rule can watch. */
    static final List<String> EVAL_METRICS = List.of("accuracy", "f1", "exact_match", "mlm_loss", "mlm_accuracy");

    public FinetuneSettings {
        tasks = List.copyOf(tasks);
        models = List.copyOf(models);
        taskGrids = Map.copyOf(taskGrids);
        seeds = List.copyOf(seeds);
    }

    /** The grid the runs of {@code task} take: its own lists where it has them, else {@code grid}'s. */
    public GridSettings gridFor(String task) {
        return taskGrids.getOrDefault(task, grid);
    }

    static FinetuneSettings read(ConfigReader in, String prefix) {
        List<String> models = in.nonEmptyStrings(prefix + "models");
        for (String model : models) {
            if (!model.equals("teacher") && !model.equals("student")) {
                in.problem(prefix + "models", "unknown model '" + model + "'; expected teacher or student");
            }
        }
        GridSettings grid = GridSettings.read(in, prefix + "grid.", null);
        List<String> tasks = in.nonEmptyStrings(prefix + "tasks");
        return new FinetuneSettings(
                tasks,
                models,
                grid,
                taskGrids(in, prefix + "task-grids", tasks, grid),
                in.nonNegativeInt(prefix + "random-samples"),
                in.anyLong(prefix + "sample-seed"),
                in.nonEmptyLongs(prefix + "seeds"),
                in.nonNegativeInt(prefix + "max-steps"),
                in.nonNegativeInt(prefix + "max-train-examples"),
                in.positiveInt(prefix + "max-eval-examples"),
                earlyStop(in, prefix + "early-stop."));
    }

    /**
     * {@code task-grids}: per task, the grid lists that replace {@code grid}'s (the paper tunes each
     * task apart). Names must be tasks of the sweep, and keys those of a grid.
     */
    private static Map<String, GridSettings> taskGrids(ConfigReader in, String key, List<String> tasks, GridSettings grid) {
        Map<String, GridSettings> grids = new LinkedHashMap<>();
        if (!in.config().hasPath(key)) {
            return grids;
        }
        for (Map.Entry<String, ConfigValue> entry : in.config().getObject(key).entrySet()) {
            String task = entry.getKey();
            String taskKey = key + "." + ConfigUtil.joinPath(task);
            if (!tasks.contains(task)) {
                in.problem(taskKey, "names no task of finetune.tasks " + tasks);
                continue;
            }
            if (entry.getValue().valueType() != ConfigValueType.OBJECT) {
                in.problem(taskKey, "must be an object of grid lists (" + String.join(", ", GridSettings.KEYS) + ")");
                continue;
            }
            for (String field : ((ConfigObject) entry.getValue()).keySet()) {
                if (!GridSettings.KEYS.contains(field)) {
                    in.problem(taskKey + "." + ConfigUtil.joinPath(field),
                            "not a grid list; expected one of " + String.join(", ", GridSettings.KEYS));
                }
            }
            grids.put(task, GridSettings.read(in, taskKey + ".", grid));
        }
        return grids;
    }

    private static StopRule earlyStop(ConfigReader in, String key) {
        String metric = in.optionalString(key + "metric");
        double target = in.optionalDoubleIn(key + "target", -Double.MAX_VALUE, Double.MAX_VALUE);
        if (metric == null && Double.isNaN(target)) {
            return null;
        }
        if (metric == null || Double.isNaN(target)) {
            in.problem(key + (metric == null ? "metric" : "target"), "early stopping needs both a metric and a target");
            return null;
        }
        if (!EVAL_METRICS.contains(metric)) {
            in.problem(key + "metric", "unknown metric '" + metric + "'; runs report " + String.join(", ", EVAL_METRICS));
            return null;
        }
        return new StopRule(metric, target);
    }
}
