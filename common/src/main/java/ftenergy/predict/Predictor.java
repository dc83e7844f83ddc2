package ftenergy.predict;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ftenergy.data.Batch;
import ftenergy.data.Example;
import ftenergy.data.QaSettings;
import ftenergy.data.TaskType;
import ftenergy.model.checkpoint.Checkpoint;
import ftenergy.model.checkpoint.CheckpointInfo;
import ftenergy.model.Devices;
import ftenergy.model.checkpoint.LoadedModel;
import ftenergy.model.ModelException;
import ftenergy.model.TaskHead;
import ftenergy.model.NoGrad;
import ftenergy.text.Encoded;
import ftenergy.text.TextTokenizer;
import ftenergy.text.TokenSpan;
import ftenergy.text.TokenizerFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fine-tuned checkpoint loaded for inference: the model with its stored head on one device, the
 * tokenizer stored beside it, autograd off on the loading thread. Load once (per Spark
 * partition), predict many batches, close; use it from the thread that opened it.
 *
 * <pre>{@code
 * try (Predictor predictor = Predictor.open(Path.of("checkpoints/<run_id>"), List.of(), 128)) {
 *     Encoded e = predictor.encode("a gripping film", null);
 *     Example x = predictor.example("row-1", e);
 *     HeadOutput out = predictor.predict(List.of(x)).get(0);
 *     Prediction p = predictor.describe(out, x, e, null);   // p.label() = "positive"
 * }
 * }</pre>
 *
 * <p>Inputs are either texts, tokenized here (one text, a sentence pair, a question and its
 * context for span QA, whitespace-split words for token classification), or token ids already
 * tokenized with the checkpoint's tokenizer (the {@code examples} table's {@code input_ids}).
 */
public final class Predictor implements AutoCloseable {

    /** Longest answer considered for span QA, in tokens (BERT's SQuAD default). */
    public static final int MAX_ANSWER_TOKENS = 30;

    /**
     * How one input's span-QA answer is chosen here: SQuAD v2.0's rule at threshold 0, no answer
     * when [CLS] scores higher than the best span. A question whose context spans several inputs
     * is answered over all of them by the task's own rule (see {@link Scorer}).
     */
    public static final QaSettings ANSWER_RULE = QaSettings.squadV2();

    private final Path checkpoint;
    private final CheckpointInfo info;
    private final NoGrad noGrad;
    private final NDManager root;
    private final ParameterStore store;
    private final HeadDecoder decoder;
    private final TextTokenizer tokenizer;
    private final int maxLength;
    private final long parameterCount;

    private Predictor(Path checkpoint, CheckpointInfo info, NoGrad noGrad, NDManager root, HeadDecoder decoder,
            TextTokenizer tokenizer, int maxLength, long parameterCount) {
        this.checkpoint = checkpoint;
        this.info = info;
        this.noGrad = noGrad;
        this.root = root;
        this.store = new ParameterStore(root, false);
        this.decoder = decoder;
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
        this.parameterCount = parameterCount;
    }

    /**
     * Loads a fine-tuned checkpoint.
     *
     * @param gpuAddresses the task's GPUs (the first one is used), empty for the CPU
     * @param maxLength texts are truncated to this many tokens; at most the model's positions
     * @throws ModelException naming the checkpoint when it has no task head to predict with
     */
    public static Predictor open(Path checkpoint, List<String> gpuAddresses, int maxLength) {
        CheckpointInfo info = fineTuned(checkpoint);
        int positions = info.config().maxPositionEmbeddings();
        if (maxLength < 8 || maxLength > positions) {
            throw new IllegalArgumentException("max length must be in 8.." + positions + " for " + checkpoint + ", was " + maxLength);
        }
        Device device = Devices.of(gpuAddresses.isEmpty() ? List.of() : gpuAddresses.subList(0, 1)).get(0);
        NoGrad noGrad = NoGrad.enter();
        NDManager root = NDManager.newBaseManager(device);
        TextTokenizer tokenizer = null;
        try {
            LoadedModel loaded = Checkpoint.load(checkpoint, root, null);
            HeadDecoder decoder = new HeadDecoder(loaded.model(), MAX_ANSWER_TOKENS);
            tokenizer = tokenizer(checkpoint, maxLength);
            return new Predictor(checkpoint, info, noGrad, root, decoder, tokenizer, maxLength, loaded.model().parameterCount());
        } catch (RuntimeException e) {
            root.close();
            noGrad.close();
            throw e;
        }
    }

    /**
     * What a checkpoint's config says, once it is known to have a head to predict with.
     *
     * @throws ModelException naming the checkpoint when it stores no head or only a masked-LM one
     */
    public static CheckpointInfo fineTuned(Path checkpoint) {
        CheckpointInfo info = Checkpoint.readInfo(checkpoint);
        if (info.head() == null || info.head().type() == TaskType.MASKED_LM) {
            throw new ModelException(checkpoint, "stores " + (info.head() == null ? "no head" : "a masked-LM head")
                    + "; inference needs a fine-tuned checkpoint (a finetune run's)");
        }
        return info;
    }

    /** The stored tokenizer; a bare {@code vocab.txt} (an imported Google checkpoint) is read as uncased WordPiece. */
    private static TextTokenizer tokenizer(Path checkpoint, int maxLength) {
        Path file = Checkpoint.tokenizerFile(checkpoint);
        if (file == null) {
            return null;
        }
        if (!file.getFileName().toString().endsWith(".txt")) {
            return TextTokenizer.load(file, maxLength);
        }
        try {
            Path json = Files.createTempFile("ftenergy-predictor-", ".json");
            try {
                TokenizerFile.fromVocabTxt(file, true, json);
                return TextTokenizer.load(json, maxLength);
            } finally {
                Files.deleteIfExists(json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vocabulary of " + checkpoint + ": " + e.getMessage(), e);
        }
    }

    /** What the checkpoint's config says: model name, shape, head. */
    public CheckpointInfo info() {
        return info;
    }

    /** The head predictions come from. */
    public TaskHead head() {
        return info.head();
    }

    /** The device the model runs on. */
    public Device device() {
        return root.getDevice();
    }

    /** The model's parameters, as a training run of it counts them. */
    public long parameterCount() {
        return parameterCount;
    }

    /**
     * Tokenizes one input for the checkpoint's head: {@code text} alone or with {@code pair}
     * (sequence classification); the question {@code text} and its context {@code pair} (span QA,
     * where {@code pair} is required); {@code text}'s whitespace-separated words (token
     * classification, where {@code pair} must be {@code null}).
     *
     * @throws IllegalArgumentException when the input does not fit the head, or the checkpoint has no tokenizer
     */
    public Encoded encode(String text, String pair) {
        if (tokenizer == null) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + " stores no tokenizer; pass token ids instead of text");
        }
        if (text == null) {
            throw new IllegalArgumentException("text is null");
        }
        return switch (head().type()) {
            case SEQUENCE_CLASSIFICATION -> pair == null ? tokenizer.encode(text) : tokenizer.encodePair(text, pair);
            case SPAN_QA -> {
                if (pair == null) {
                    throw new IllegalArgumentException("span QA needs a context beside the question");
                }
                yield tokenizer.encodeQuestionContext(text, pair);
            }
            case TOKEN_CLASSIFICATION -> {
                if (pair != null) {
                    throw new IllegalArgumentException("token classification takes one text, not a pair");
                }
                yield tokenizer.encodeWords(words(text));
            }
            case MASKED_LM -> throw new IllegalStateException("refused when opened");
        };
    }

    private static List<String> words(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }

    /** The model's input for an encoded text. */
    public Example example(String id, Encoded encoded) {
        return example(id, encoded.ids(), encoded.typeIds());
    }

    /**
     * The model's input for token ids from the checkpoint's tokenizer ({@code [CLS] ... [SEP]}).
     *
     * @throws IllegalArgumentException naming {@code id} when the ids do not fit the model
     */
    public Example example(String id, int[] inputIds, int[] typeIds) {
        if (inputIds.length < 2 || inputIds.length > maxLength) {
            throw new IllegalArgumentException("input " + id + " has " + inputIds.length + " tokens; expected 2.." + maxLength);
        }
        int vocabulary = info.config().vocabSize();
        for (int tokenId : inputIds) {
            if (tokenId < 0 || tokenId >= vocabulary) {
                throw new IllegalArgumentException("input " + id + " has token id " + tokenId + ", outside the checkpoint's "
                        + vocabulary + "-token vocabulary: tokenized with another tokenizer?");
            }
        }
        return new Example("inference", "", id, inputIds, typeIds, -1, new int[0], -1, -1);
    }

    /** Predicts one batch (padded to its longest input), in order; returns once the device is done. */
    public List<HeadOutput> predict(List<Example> examples) {
        try (NDManager manager = root.newSubManager()) {
            // Decoding reads every result back to the host, which waits for the device's kernels.
            return decoder.decode(store, Batch.of(examples), manager);
        }
    }

    /**
     * The output in the head's terms.
     *
     * @param encoded the example's encoding when it came from text (gives words and answer text), else {@code null}
     * @param pair the context a span-QA answer is cut from, when it came from text
     */
    public Prediction describe(HeadOutput output, Example example, Encoded encoded, String pair) {
        List<String> labels = head().labels();
        return switch (head().type()) {
            case SEQUENCE_CLASSIFICATION -> new Prediction(labels.get(output.label()), output.label(), output.score(), List.of(), null);
            case TOKEN_CLASSIFICATION -> new Prediction(null, -1, Double.NaN, tags(output.tokenLabels(), encoded, labels), null);
            case SPAN_QA -> new Prediction(null, -1, Double.NaN, List.of(),
                    answer(output.answer(ANSWER_RULE), example, encoded, pair));
            case MASKED_LM -> throw new IllegalStateException("refused when opened");
        };
    }

    /** Word-level tags (each word's first token) for text, token-level for pre-tokenized input. */
    private static List<String> tags(int[] tokenLabels, Encoded encoded, List<String> labels) {
        List<String> tags = new ArrayList<>();
        int lastWord = -1;
        for (int t = 0; t < tokenLabels.length; t++) {
            if (encoded == null) {
                tags.add(labels.get(tokenLabels[t]));
            } else if (encoded.wordIds()[t] > lastWord) {
                lastWord = encoded.wordIds()[t];
                tags.add(labels.get(tokenLabels[t]));
            }
        }
        return tags;
    }

    private String answer(TokenSpan span, Example example, Encoded encoded, String pair) {
        if (span.equals(TokenSpan.NO_ANSWER)) {
            return "";
        }
        if (encoded != null && pair != null) {
            return pair.substring(encoded.charStarts()[span.start()], encoded.charEnds()[span.end()]);
        }
        int[] ids = Arrays.copyOfRange(example.inputIds(), span.start(), span.end() + 1);
        return tokenizer == null ? Arrays.toString(ids) : tokenizer.decode(ids);
    }

    @Override
    public void close() {
        try {
            if (tokenizer != null) {
                tokenizer.close();
            }
            root.close();
        } finally {
            noGrad.close();
        }
    }
}
