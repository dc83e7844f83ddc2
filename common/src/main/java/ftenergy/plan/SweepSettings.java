package ftenergy.plan;

import ftenergy.config.ConfigReader;
import ftenergy.run.ModelSpec;
import ftenergy.task.TaskDefinition;
import ftenergy.task.TaskKind;
import ftenergy.task.TaskSettings;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * A sweep as configured under {@code ftenergy.sweep}, validated: what it trains (corpus, teacher,
 * phases, fine-tuning grid, inference) and how it launches it.
 *
 * @param id sweep id
 * @param corpus pre-training corpus name
 * @param corpusMaxExamples cap on pre-training passages prepared (0 = all)
 * @param tokenizer the tokenizer of every example
 * @param teacher the teacher's shape; {@code init} is {@code scratch} or a checkpoint path
 * @param pretrain the pre-training phase
 * @param distill the distillation phase
 * @param finetune the fine-tuning runs
 * @param inference the inference runs
 * @param evalEverySteps evaluation interval of fine-tuning runs
 * @param launch GPUs, retries, budget and concurrency
 * @param tasks the definitions (under {@code ftenergy.tasks}) of the corpus and the fine-tuning
 *     tasks, corpus first
 */
public record SweepSettings(
        String id,
        String corpus,
        int corpusMaxExamples,
        TokenizerSettings tokenizer,
        ModelSpec teacher,
        PhaseSettings pretrain,
        PhaseSettings distill,
        FinetuneSettings finetune,
        InferenceSettings inference,
        int evalEverySteps,
        LaunchSettings launch,
        List<TaskDefinition> tasks) {

    private static final String KEY = "ftenergy.sweep.";

    public SweepSettings {
        tasks = List.copyOf(tasks);
    }

    /** The definition of the corpus or fine-tuning task {@code name}. */
    public TaskDefinition task(String name) {
        return tasks.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("task '" + name + "' is not one of sweep " + id + "'s"));
    }

    /** Reads and validates {@code ftenergy.sweep}; problems are collected in {@code in}. */
    public static SweepSettings read(ConfigReader in) {
        String id = in.string(KEY + "id");
        if (!id.matches("[A-Za-z0-9_.-]+")) {
            in.problem(KEY + "id", "must be letters, digits, '_', '.' or '-', was '" + id + "'");
        }
        String checkpoint = in.optionalString(KEY + "teacher.checkpoint");
        ModelSpec teacher = teacher(in, checkpoint);
        PhaseSettings pretrain = PhaseSettings.read(in, KEY + "pretrain.");
        PhaseSettings distill = PhaseSettings.read(in, KEY + "distill.");
        FinetuneSettings finetune = FinetuneSettings.read(in, KEY + "finetune.");
        if (finetune.models().contains("student") && !distill.enabled()) {
            in.problem(KEY + "distill.enabled", "fine-tuning the student needs distillation enabled");
        }
        if (checkpoint == null && !pretrain.enabled()) {
            in.problem(KEY + "pretrain.enabled", "without teacher.checkpoint the teacher must be pre-trained");
        }
        String corpus = in.string(KEY + "corpus");
        TaskSettings declared = TaskSettings.read(in);
        List<TaskDefinition> tasks = new ArrayList<>(declared.select(in, KEY + "corpus", List.of(corpus), EnumSet.of(TaskKind.MASKED_LM)));
        tasks.addAll(declared.select(in, KEY + "finetune.tasks", finetune.tasks(), EnumSet.complementOf(EnumSet.of(TaskKind.MASKED_LM))));
        return new SweepSettings(
                id,
                corpus,
                in.nonNegativeInt(KEY + "corpus-max-examples"),
                TokenizerSettings.read(in, KEY + "tokenizer."),
                teacher,
                pretrain,
                distill,
                finetune,
                InferenceSettings.read(in, KEY + "inference."),
                in.positiveInt(KEY + "eval-every-steps"),
                LaunchSettings.read(in, KEY),
                tasks);
    }

    private static ModelSpec teacher(ConfigReader in, String checkpoint) {
        int layers = in.positiveInt(KEY + "teacher.layers");
        int hidden = in.positiveInt(KEY + "teacher.hidden");
        int heads = in.positiveInt(KEY + "teacher.heads");
        int intermediate = in.positiveInt(KEY + "teacher.intermediate");
        if (hidden % heads != 0) {
            in.problem(KEY + "teacher.heads", "hidden " + hidden + " must be divisible by heads " + heads);
            return null;
        }
        return new ModelSpec("bert-" + layers + "l-" + hidden + "h", layers, hidden, heads, intermediate,
                checkpoint == null ? "scratch" : checkpoint);
    }
}
