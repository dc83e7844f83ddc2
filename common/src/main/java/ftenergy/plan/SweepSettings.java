package ftenergy.plan;

import ftenergy.config.ConfigReader;
import ftenergy.run.Hyperparameters;
import ftenergy.run.ModelSpec;
import ftenergy.run.StopRule;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A sweep as configured under {@code ftenergy.sweep}, validated.
 *
 * @param id sweep id
 * @param corpus pre-training corpus name
 * @param corpusMaxExamples cap on pre-training passages prepared (0 = all)
 * @param vocabSize WordPiece vocabulary size to train
 * @param lowercase lower-case text before tokenizing
 * @param vocabFile an existing vocab.txt, or {@code null}
 * @param teacher the teacher's shape; {@code init} is {@code scratch} or a checkpoint path
 * @param pretrain the pre-training phase
 * @param distill the distillation phase
 * @param tasks fine-tuning tasks
 * @param models {@code teacher} and/or {@code student}
 * @param grid the hyperparameter grid
 * @param taskGrids the grids of tasks that replace some of {@code grid}'s lists, by task
 * @param randomSamples grid points to draw at random (0 = full grid)
 * @param sampleSeed seed of that draw
 * @param seeds run seeds
 * @param maxSteps step cap per fine-tuning run (0 = none)
 * @param maxTrainExamples cap on training examples per task (0 = all)
 * @param maxEvalExamples cap on evaluation examples per task
 * @param earlyStop fine-tuning runs end at the first evaluation reaching this, or {@code null}
 * @param inference whether inference runs are planned
 * @param inferenceBatchSizes batch sizes of inference runs
 * @param inferenceMaxExamples examples per inference run
 * @param evalEverySteps evaluation interval of fine-tuning runs
 * @param gpusPerRun GPUs each run asks for
 * @param retries extra attempts for a failed run
 * @param budgetKwh stop launching once spent (NaN = none)
 * @param budgetCo2Kg stop launching once emitted (NaN = none)
 * @param maxConcurrentRuns runs in flight at once (0 = automatic)
 * @param queuedRuns runs handed to Spark beyond its free slots, to start the moment one frees
 *     ({@code null} = automatic)
 */
public record SweepSettings(
        String id,
        String corpus,
        int corpusMaxExamples,
        int vocabSize,
        boolean lowercase,
        String vocabFile,
        ModelSpec teacher,
        PhaseSettings pretrain,
        PhaseSettings distill,
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
        StopRule earlyStop,
        boolean inference,
        List<Integer> inferenceBatchSizes,
        int inferenceMaxExamples,
        int evalEverySteps,
        int gpusPerRun,
        int retries,
        double budgetKwh,
        double budgetCo2Kg,
        int maxConcurrentRuns,
        Integer queuedRuns) {

    private static final String KEY = "ftenergy.sweep.";

    /** The grid's lists, by key, as {@code finetune.grid} and {@code finetune.task-grids.<task>} name them. */
    private static final List<String> GRID_KEYS =
            List.of("lr", "batch-size", "epochs", "max-seq-len", "warmup", "weight-decay", "length-grouped");

    /** Metrics the runs report at evaluations, hence the ones a stop rule can watch. */
    static final List<String> EVAL_METRICS = List.of("accuracy", "f1", "exact_match", "mlm_loss", "mlm_accuracy");

    public SweepSettings {
        tasks = List.copyOf(tasks);
        models = List.copyOf(models);
        taskGrids = Map.copyOf(taskGrids);
        seeds = List.copyOf(seeds);
        inferenceBatchSizes = List.copyOf(inferenceBatchSizes);
    }

    /** Reads and validates {@code ftenergy.sweep}; problems are collected in {@code in}. */
    public static SweepSettings read(ConfigReader in) {
        String id = in.string(KEY + "id");
        if (!id.matches("[A-Za-z0-9_.-]+")) {
            in.problem(KEY + "id", "must be letters, digits, '_', '.' or '-', was '" + id + "'");
        }
        int layers = in.positiveInt(KEY + "teacher.layers");
        int hidden = in.positiveInt(KEY + "teacher.hidden");
        int heads = in.positiveInt(KEY + "teacher.heads");
        int intermediate = in.positiveInt(KEY + "teacher.intermediate");
        String checkpoint = in.optionalString(KEY + "teacher.checkpoint");
        ModelSpec teacher = null;
        if (hidden % heads != 0) {
            in.problem(KEY + "teacher.heads", "hidden " + hidden + " must be divisible by heads " + heads);
        } else {
            teacher = new ModelSpec("bert-" + layers + "l-" + hidden + "h", layers, hidden, heads, intermediate,
                    checkpoint == null ? "scratch" : checkpoint);
        }
        List<String> models = in.nonEmptyStrings(KEY + "finetune.models");
        for (String model : models) {
            if (!model.equals("teacher") && !model.equals("student")) {
                in.problem(KEY + "finetune.models", "unknown model '" + model + "'; expected teacher or student");
            }
        }
        PhaseSettings pretrain = phase(in, "pretrain");
        PhaseSettings distill = phase(in, "distill");
        if (models.contains("student") && !distill.enabled()) {
            in.problem(KEY + "distill.enabled", "fine-tuning the student needs distillation enabled");
        }
        if (checkpoint == null && !pretrain.enabled()) {
            in.problem(KEY + "pretrain.enabled", "without teacher.checkpoint the teacher must be pre-trained");
        }
        GridSettings grid = grid(in, "finetune.grid.", null);
        List<String> tasks = in.nonEmptyStrings(KEY + "finetune.tasks");
        Map<String, GridSettings> taskGrids = taskGrids(in, tasks, grid);
        int randomSamples = in.nonNegativeInt(KEY + "finetune.random-samples");
        return new SweepSettings(
                id,
                in.string(KEY + "corpus"),
                in.nonNegativeInt(KEY + "corpus-max-examples"),
                in.positiveInt(KEY + "tokenizer.vocab-size"),
                in.bool(KEY + "tokenizer.lowercase"),
                in.optionalString(KEY + "tokenizer.vocab-file"),
                teacher,
                pretrain,
                distill,
                tasks,
                models,
                grid,
                taskGrids,
                randomSamples,
                in.anyLong(KEY + "finetune.sample-seed"),
                in.nonEmptyLongs(KEY + "finetune.seeds"),
                in.nonNegativeInt(KEY + "finetune.max-steps"),
                in.nonNegativeInt(KEY + "finetune.max-train-examples"),
                in.positiveInt(KEY + "finetune.max-eval-examples"),
                earlyStop(in),
                in.bool(KEY + "inference.enabled"),
                positiveInts(in, "inference.batch-sizes"),
                in.positiveInt(KEY + "inference.max-examples"),
                in.positiveInt(KEY + "eval-every-steps"),
                in.nonNegativeInt(KEY + "gpus-per-run"),
                in.nonNegativeInt(KEY + "retries"),
                in.optionalDoubleIn(KEY + "budget.kwh", 0, Double.MAX_VALUE),
                in.optionalDoubleIn(KEY + "budget.co2-kg", 0, Double.MAX_VALUE),
                in.nonNegativeInt(KEY + "max-concurrent-runs"),
                in.optionalNonNegativeInt(KEY + "queued-runs"));
    }

    /** The grid fine-tuning runs of {@code task} take: its own lists where it has them, else {@code grid}'s. */
    public GridSettings gridFor(String task) {
        return taskGrids.getOrDefault(task, grid);
    }

    /**
     * The grid under {@code prefix} (relative to {@code ftenergy.sweep.}); each list it lacks is
     * {@code base}'s ({@code base} null: every list must be there).
     */
    private static GridSettings grid(ConfigReader in, String prefix, GridSettings base) {
        Predicate<String> own = field -> base == null || in.config().hasPath(KEY + prefix + field);
        GridSettings grid = new GridSettings(
                own.test("lr") ? positiveDoubles(in, prefix + "lr") : base.learningRates(),
                own.test("batch-size") ? positiveInts(in, prefix + "batch-size") : base.batchSizes(),
                own.test("epochs") ? positiveInts(in, prefix + "epochs") : base.epochs(),
                own.test("max-seq-len") ? positiveInts(in, prefix + "max-seq-len") : base.maxSeqLens(),
                own.test("warmup") ? fractions(in, prefix + "warmup") : base.warmups(),
                own.test("weight-decay") ? fractions(in, prefix + "weight-decay") : base.weightDecays(),
                own.test("length-grouped") ? booleans(in, prefix + "length-grouped") : base.lengthGrouped());
        for (int length : grid.maxSeqLens()) {
            if (length < 8) {
                in.problem(KEY + prefix + "max-seq-len", "every value must be >= 8, found " + length);
            }
        }
        return grid;
    }

    /**
     * {@code finetune.task-grids}: per task, the grid lists that replace {@code grid}'s (the paper
     * tunes each task apart). Names must be tasks of the sweep, and keys those of a grid.
     */
    private static Map<String, GridSettings> taskGrids(ConfigReader in, List<String> tasks, GridSettings grid) {
        String key = KEY + "finetune.task-grids";
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
                in.problem(taskKey, "must be an object of grid lists (" + String.join(", ", GRID_KEYS) + ")");
                continue;
            }
            for (String field : ((ConfigObject) entry.getValue()).keySet()) {
                if (!GRID_KEYS.contains(field)) {
                    in.problem(taskKey + "." + ConfigUtil.joinPath(field),
                            "not a grid list; expected one of " + String.join(", ", GRID_KEYS));
                }
            }
            grids.put(task, grid(in, "finetune.task-grids." + ConfigUtil.joinPath(task) + ".", grid));
        }
        return grids;
    }

    private static StopRule earlyStop(ConfigReader in) {
        String key = KEY + "finetune.early-stop.";
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

    private static PhaseSettings phase(ConfigReader in, String name) {
        String key = KEY + name + ".";
        boolean enabled = in.bool(key + "enabled");
        int steps = in.positiveInt(key + "steps");
        int batch = in.positiveInt(key + "batch-size");
        double lr = in.doubleIn(key + "lr", Double.MIN_VALUE, 1);
        int maxSeqLen = in.positiveInt(key + "max-seq-len");
        double warmup = in.doubleIn(key + "warmup", 0, 0.99);
        double decay = in.doubleIn(key + "weight-decay", 0, 1);
        long seed = in.anyLong(key + "seed");
        if (maxSeqLen < 8) {
            in.problem(key + "max-seq-len", "must be >= 8, was " + maxSeqLen);
            maxSeqLen = 8;
        }
        return new PhaseSettings(enabled, new Hyperparameters(lr, batch, 0, steps, maxSeqLen, warmup, decay, false), seed);
    }

    private static List<Integer> positiveInts(ConfigReader in, String key) {
        List<Integer> values = in.nonEmptyInts(KEY + key);
        for (int value : values) {
            if (value <= 0) {
                in.problem(KEY + key, "every value must be > 0, found " + value);
            }
        }
        return values.isEmpty() ? List.of(1) : values;
    }

    private static List<Double> positiveDoubles(ConfigReader in, String key) {
        List<Double> values = in.nonEmptyDoubles(KEY + key);
        for (double value : values) {
            if (!(value > 0)) {
                in.problem(KEY + key, "every value must be > 0, found " + value);
            }
        }
        return values.isEmpty() ? List.of(1e-4) : values;
    }

    private static List<Double> fractions(ConfigReader in, String key) {
        List<Double> values = in.nonEmptyDoubles(KEY + key);
        for (double value : values) {
            if (value < 0 || value >= 1) {
                in.problem(KEY + key, "every value must be in [0, 1), found " + value);
            }
        }
        return values.isEmpty() ? List.of(0.0) : values;
    }

    private static List<Boolean> booleans(ConfigReader in, String key) {
        try {
            List<Boolean> values = new ArrayList<>(in.config().getBooleanList(KEY + key));
            if (values.isEmpty()) {
                in.problem(KEY + key, "must list at least one value");
                return List.of(false);
            }
            return values;
        } catch (com.typesafe.config.ConfigException e) {
            in.problem(KEY + key, "must be a list of true/false");
            return List.of(false);
        }
    }
}
