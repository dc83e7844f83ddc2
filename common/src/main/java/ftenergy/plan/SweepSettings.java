package ftenergy.plan;

import ftenergy.config.ConfigReader;
import ftenergy.model.BertConfig;
import ftenergy.model.ModelException;
import ftenergy.model.checkpoint.Checkpoint;
import ftenergy.run.ModelSpec;
import ftenergy.task.TaskDefinition;
import ftenergy.task.TaskKind;
import ftenergy.task.TaskSettings;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * @param teacher the teacher's shape (a checkpoint's own, from its {@code config.json}, when it has
 *     one); {@code init} is {@code scratch} or a checkpoint path
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
        TokenizerSettings tokenizer = TokenizerSettings.read(in, KEY + "tokenizer.");
        ModelSpec teacher = teacher(in, checkpoint, tokenizer);
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
                tokenizer,
                teacher,
                pretrain,
                distill,
                finetune,
                InferenceSettings.read(in, KEY + "inference."),
                in.positiveInt(KEY + "eval-every-steps"),
                LaunchSettings.read(in, KEY),
                tasks);
    }

    /**
     * The teacher's shape: from {@code teacher.checkpoint}'s {@code config.json} when it has one (a
     * HuggingFace BERT or DistilBERT directory, or a checkpoint of ours), else from the
     * {@code teacher.*} keys. A key the sweep sets itself must then agree with the checkpoint.
     */
    private static ModelSpec teacher(ConfigReader in, String checkpoint, TokenizerSettings tokenizer) {
        BertConfig stored = storedShape(in, checkpoint);
        int layers = shapeKey(in, "layers", stored == null ? null : stored.numHiddenLayers(), checkpoint);
        int hidden = shapeKey(in, "hidden", stored == null ? null : stored.hiddenSize(), checkpoint);
        int heads = shapeKey(in, "heads", stored == null ? null : stored.numAttentionHeads(), checkpoint);
        int intermediate = shapeKey(in, "intermediate", stored == null ? null : stored.intermediateSize(), checkpoint);
        if (hidden % heads != 0) {
            in.problem(KEY + "teacher.heads", "hidden " + hidden + " must be divisible by heads " + heads);
            return null;
        }
        if (stored != null && tokenizer.vocabFile() == null && stored.vocabSize() != tokenizer.vocabSize()) {
            in.problem(KEY + "tokenizer.vocab-file", "is unset, so the sweep would train a " + tokenizer.vocabSize()
                    + "-token tokenizer, but teacher.checkpoint " + checkpoint + " reads a " + stored.vocabSize()
                    + "-token vocabulary: set it to that checkpoint's vocab.txt or tokenizer.json");
        }
        String family = stored != null && stored.isDistilBert() ? "distilbert-" : "bert-";
        return new ModelSpec(family + layers + "l-" + hidden + "h", layers, hidden, heads, intermediate,
                checkpoint == null ? "scratch" : checkpoint);
    }

    /** The shape in the checkpoint's {@code config.json}; {@code null} with no checkpoint or none there (yet). */
    private static BertConfig storedShape(ConfigReader in, String checkpoint) {
        if (checkpoint == null || !Files.isRegularFile(Path.of(checkpoint, Checkpoint.CONFIG_FILE))) {
            return null;
        }
        try {
            return Checkpoint.readInfo(Path.of(checkpoint)).config();
        } catch (ModelException e) {
            in.problem(KEY + "teacher.checkpoint", e.getMessage());
            return null;
        }
    }

    /** {@code teacher.<name>}: the checkpoint's value unless the sweep sets its own, which must then be the same. */
    private static int shapeKey(ConfigReader in, String name, Integer stored, String checkpoint) {
        String key = KEY + "teacher." + name;
        int value = in.positiveInt(key);
        if (stored == null) {
            return value;
        }
        boolean stated = !"reference.conf".equals(in.config().getValue(key).origin().resource());
        if (stated && value != stored) {
            in.problem(key, "is " + value + " but teacher.checkpoint " + checkpoint + " has " + stored + " in its "
                    + Checkpoint.CONFIG_FILE + "; drop the key (the checkpoint's shape is used) or make them agree");
        }
        return stored;
    }
}
