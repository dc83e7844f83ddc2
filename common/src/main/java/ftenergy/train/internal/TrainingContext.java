package ftenergy.train.internal;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ftenergy.data.Batch;
import ftenergy.data.BatchOrder;
import ftenergy.data.Batcher;
import ftenergy.data.Example;
import ftenergy.data.RunLength;
import ftenergy.model.BertConfig;
import ftenergy.model.BertModel;
import ftenergy.model.checkpoint.Checkpoint;
import ftenergy.model.checkpoint.CheckpointInfo;
import ftenergy.model.Devices;
import ftenergy.model.checkpoint.LoadedModel;
import ftenergy.model.SpecialTokens;
import ftenergy.model.TaskHead;
import ftenergy.text.TokenizerFile;
import ftenergy.model.NoGrad;
import ftenergy.run.Hyperparameters;
import ftenergy.run.RunSpec;
import ftenergy.text.Vocabulary;
import ftenergy.train.TrainingInputs;
import ftenergy.train.TrainException;
import ftenergy.train.TrainingOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One run's surroundings: its device and memory, seeds, data order, vocabulary and checkpoint
 * paths. Closing it frees every array of the run.
 */
public final class TrainingContext implements AutoCloseable {

    private final RunSpec spec;
    private final TrainingInputs inputs;
    private final TrainingOptions options;
    private final TrainingLedger ledger;
    private final NDManager root;
    private final ReplicaStore store;
    private final Vocabulary vocabulary;
    private final Batcher batcher;
    /** Autograd off for the run's thread outside gradient collectors (see {@link NoGrad}). */
    private final NoGrad noGrad;

    /**
     * Seeds the engine, picks the device and opens the run's manager.
     *
     * @throws IllegalArgumentException for inputs no run could use
     */
    public TrainingContext(RunSpec spec, TrainingInputs inputs, TrainingOptions options, TrainingLedger ledger) {
        this.spec = spec;
        this.inputs = inputs;
        this.options = options;
        this.ledger = ledger;
        List<Device> devices = Devices.of(inputs.gpuAddresses());
        checkLengths(inputs.train());
        checkLengths(inputs.eval());
        Hyperparameters hp = spec.hyperparameters();
        batcher = new Batcher(inputs.train(), new BatchOrder(hp.batchSize(), spec.seed(), hp.lengthGrouped()));
        vocabulary = inputs.tokenizerFile() == null ? null : TokenizerFile.vocabulary(inputs.tokenizerFile());
        // Last, so that a failed constructor leaves nothing open behind it.
        Engine.getInstance().setRandomSeed(Long.hashCode(spec.seed()));
        noGrad = NoGrad.enter();
        root = NDManager.newBaseManager(devices.get(0));
        store = new ReplicaStore(root, devices);
    }

    private void checkLengths(List<Example> examples) {
        int limit = spec.hyperparameters().maxSeqLen();
        for (Example example : examples) {
            if (example.length() > limit) {
                throw new TrainException(spec.runId(), "example " + example.exampleId() + " of " + example.task()
                        + " (" + example.split() + ") has " + example.length() + " tokens, more than max_seq_len "
                        + limit + "; prepare the task with this max_seq_len");
            }
        }
    }

    /** The run's plan. */
    public RunSpec spec() {
        return spec;
    }

    /** The run's data, paths and devices. */
    public TrainingInputs inputs() {
        return inputs;
    }

    /** Settings that are not swept. */
    public TrainingOptions options() {
        return options;
    }

    /** Where steps and evaluations are recorded. */
    public TrainingLedger ledger() {
        return ledger;
    }

    /** The manager of the run's device: models live here, steps open sub-managers of it. */
    public NDManager root() {
        return root;
    }

    /** The model's parameters on the run's devices (one unless data parallel). */
    public ReplicaStore store() {
        return store;
    }

    /** The tokenizer's vocabulary, or {@code null} when the run was given no tokenizer file. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** A generator for one purpose ({@code stream}), seeded from the run's seed. */
    public Random random(int stream) {
        return new Random(spec.seed() * 1_000_003L + stream);
    }

    /** Special tokens: the checkpoint's, else the tokenizer file's, else BERT's. */
    public SpecialTokens specialTokens(CheckpointInfo checkpoint) {
        if (checkpoint != null) {
            return checkpoint.specialTokens();
        }
        SpecialTokens specials = vocabulary == null ? SpecialTokens.BERT : SpecialTokens.of(vocabulary);
        if (specials.maxId() >= inputs.vocabSize()) {
            throw new TrainException(spec.runId(), "special token ids " + specials + " do not fit vocabulary size "
                    + inputs.vocabSize() + "; pass the tokenizer file");
        }
        return specials;
    }

    /** A fresh model of the spec's shape. */
    public BertModel scratchModel(TaskHead head) {
        return BertModel.create(BertConfig.of(spec.model(), inputs.vocabSize()), head).initialize(root);
    }

    /** The init checkpoint with {@code head}, checked against the spec's shape and the vocabulary. */
    public LoadedModel loadInit(TaskHead head, boolean checkShape) {
        Path init = inputs.initCheckpoint();
        LoadedModel loaded = Checkpoint.load(init, root, head);
        BertConfig config = loaded.info().config();
        if (checkShape && !config.matches(spec.model())) {
            throw new TrainException(spec.runId(), "model " + spec.model().name() + " (L" + spec.model().layers()
                    + "/H" + spec.model().hidden() + "/A" + spec.model().heads() + "/I" + spec.model().intermediate()
                    + ") does not match checkpoint " + init + " (" + config.describe() + ")");
        }
        if (config.vocabSize() != inputs.vocabSize()) {
            throw new TrainException(spec.runId(), "checkpoint " + init + " has a vocabulary of " + config.vocabSize()
                    + " tokens but the run's examples were tokenized with " + inputs.vocabSize());
        }
        return loaded;
    }

    /**
     * Training batches of one epoch: seeded order (length-grouped when the hyperparameters say so),
     * each batch padded to its longest example.
     */
    public List<Batch> trainBatches(int epoch) {
        return batcher.epoch(epoch);
    }

    /** The evaluation split in order, in batches of {@code batchSize}. */
    public List<Batch> evalBatches(int batchSize) {
        return chunks(inputs.eval(), batchSize);
    }

    private static List<Batch> chunks(List<Example> examples, int size) {
        List<Batch> batches = new ArrayList<>();
        for (int from = 0; from < examples.size(); from += size) {
            batches.add(Batch.of(examples.subList(from, Math.min(from + size, examples.size()))));
        }
        return batches;
    }

    /** Steps and schedule from the hyperparameters and the training split's size. */
    public TrainingLoop.Plan plan() {
        Hyperparameters hp = spec.hyperparameters();
        if (inputs.train().isEmpty()) {
            throw new TrainException(spec.runId(), "has no training examples of " + inputs.task().name());
        }
        RunLength length = new RunLength(Math.max(0, hp.epochs()), Math.max(0, hp.maxSteps()));
        int steps = Math.toIntExact(length.steps(batcher.batchesPerEpoch()));
        return new TrainingLoop.Plan(steps, LinearSchedule.of(hp.learningRate(), hp.warmupFraction(), steps),
                options.maxGradNorm(), inputs.evalEverySteps(), spec.stopRule());
    }

    /**
     * Writes the trained model to the output checkpoint, if the run has one, with the run's
     * tokenizer file (else the init checkpoint's, so chains keep theirs).
     */
    public void save(BertModel model, SpecialTokens specials) {
        Path output = inputs.outputCheckpoint();
        if (output == null) {
            return;
        }
        Path tokenizer = inputs.tokenizerFile();
        if (tokenizer == null && inputs.initCheckpoint() != null) {
            tokenizer = Checkpoint.tokenizerFile(inputs.initCheckpoint());
        }
        Path tokenizerFile = tokenizer;
        ledger.checkpoint(() -> Checkpoint.save(output, model, spec.model().name(), specials, tokenizerFile));
    }

    @Override
    public void close() {
        store.close();
        root.close();
        noGrad.close();
    }
}
