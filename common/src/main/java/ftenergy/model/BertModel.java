package ftenergy.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import ftenergy.data.TaskType;
import ftenergy.model.internal.InvertedDropout;
import ftenergy.model.internal.MlmHead;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A BERT encoder with one task head: the block every run trains, evaluates or measures.
 *
 * <p>Children: {@code bert} (the {@link BertEncoder}) and the head, named as in HuggingFace:
 * {@code classifier} (sequence or token classification), {@code qa_outputs} (span QA) or
 * {@code cls.predictions} (masked LM, decoder tied to the word embeddings).
 * {@link #namedParameters()} gives every parameter its HuggingFace BERT name (see the package
 * javadoc), DistilBERT's too: checkpoints translate them to DistilBERT's own names.
 *
 * <p>Usage: {@code BertModel m = BertModel.create(config, head); m.initialize(manager);} then
 * {@code m.encode(store, input, training)} and one of the head methods. Parameters belong to the
 * manager passed to {@link #initialize(NDManager)}; closing it frees the model.
 */
public final class BertModel extends AbstractBlock {

    /** BERT's initialiser: truncated normal, standard deviation 0.02 (biases 0, LayerNorm 1/0). */
    public static final float INIT_STDDEV = 0.02f;
    /** DistilBERT's {@code seq_classif_dropout}, before its classifier (BERT uses its hidden dropout). */
    public static final float DISTILBERT_CLASSIFIER_DROPOUT = 0.2f;
    /** DistilBERT's {@code qa_dropout}, before {@code qa_outputs} (BERT has none there). */
    public static final float DISTILBERT_QA_DROPOUT = 0.1f;

    private static final Pattern CHILD_INDEX = Pattern.compile("^\\d+");

    private final BertConfig config;
    private final TaskHead head;
    private final BertEncoder encoder;
    private final Linear outputLayer;
    private final MlmHead mlmHead;

    private BertModel(BertConfig config, TaskHead head) {
        this.config = config;
        this.head = head;
        boolean pooler = !config.isDistilBert() || head.usesPooler();
        encoder = addChildBlock("bert", new BertEncoder(config, pooler));
        if (head.type() == TaskType.MASKED_LM) {
            mlmHead = addChildBlock("cls.predictions", new MlmHead(
                    BertLayer.linear(config.hiddenSize()), BertLayer.layerNorm(config),
                    encoder.embeddings().wordEmbeddings().weight(), config.vocabSize(), config.hiddenSize()));
            outputLayer = null;
        } else {
            String name = head.type() == TaskType.SPAN_QA ? "qa_outputs" : "classifier";
            outputLayer = addChildBlock(name, BertLayer.linear(head.outputs()));
            mlmHead = null;
        }
    }

    /** An uninitialised model: call {@link #initialize(NDManager)} before use. */
    public static BertModel create(BertConfig config, TaskHead head) {
        return new BertModel(config, head);
    }

    /**
     * Creates every parameter on {@code manager}'s device with BERT's initialisation, drawn from the
     * engine's random generator (seed it first for a reproducible model).
     */
    public BertModel initialize(NDManager manager) {
        setInitializer(new TruncatedNormalInitializer(INIT_STDDEV), Parameter.Type.WEIGHT);
        initialize(manager, DataType.FLOAT32, new Shape(1, 8), new Shape(1, 8), new Shape(1, 8));
        return this;
    }

    /** The encoder's shape. */
    public BertConfig config() {
        return config;
    }

    /** The head on the encoder. */
    public TaskHead head() {
        return head;
    }

    /** The encoder ({@code bert.*} parameters). */
    public BertEncoder encoder() {
        return encoder;
    }

    /** Last-layer hidden states {@code (B, T, H)}. */
    public NDArray encode(ParameterStore store, ModelInput input, boolean training) {
        return encoder.encode(store, input.inputIds(), input.typeIds(), input.attentionMask(), training);
    }

    /** Sequence classification: class logits {@code (B, C)} from the pooled [CLS] state. */
    public NDArray sequenceLogits(ParameterStore store, NDArray sequence, boolean training) {
        requireHead(TaskType.SEQUENCE_CLASSIFICATION);
        NDArray pooled = encoder.pool(store, sequence, training);
        float dropout = config.isDistilBert() ? DISTILBERT_CLASSIFIER_DROPOUT : config.hiddenDropoutProb();
        return dense(store, InvertedDropout.apply(pooled, dropout, training), training);
    }

    /** Token classification: tag logits {@code (B, T, C)} (or {@code (M, C)} for {@code (M, H)} rows). */
    public NDArray tokenLogits(ParameterStore store, NDArray hidden, boolean training) {
        requireHead(TaskType.TOKEN_CLASSIFICATION);
        return dense(store, InvertedDropout.apply(hidden, config.hiddenDropoutProb(), training), training);
    }

    /**
     * Span QA: start and end logits, each {@code (B, T)}, with padding pushed to -10000 so it is
     * never predicted. Position 0 ([CLS]) is the "no answer" span of SQuAD v2.
     */
    public NDList spanLogits(ParameterStore store, NDArray sequence, NDArray attentionMask, boolean training) {
        requireHead(TaskType.SPAN_QA);
        NDArray both = dense(store, config.isDistilBert()
                ? InvertedDropout.apply(sequence, DISTILBERT_QA_DROPOUT, training) : sequence, training);
        NDArray masked = both.addi(BertEncoder.additiveMask(attentionMask)
                .reshape(attentionMask.getShape().add(1)));
        NDList startEnd = masked.split(2, 2);
        return new NDList(startEnd.get(0).squeeze(2), startEnd.get(1).squeeze(2));
    }

    /** Masked LM: vocabulary logits {@code (..., V)} for hidden states {@code (..., H)}. */
    public NDArray mlmLogits(ParameterStore store, NDArray hidden, boolean training) {
        requireHead(TaskType.MASKED_LM);
        return mlmHead.logits(store, hidden, training);
    }

    private NDArray dense(ParameterStore store, NDArray input, boolean training) {
        return outputLayer.forward(store, new NDList(input), training).singletonOrThrow();
    }

    private void requireHead(TaskType expected) {
        if (head.type() != expected) {
            throw new IllegalStateException("model has a " + head.type() + " head, not " + expected);
        }
    }

    /**
     * Every parameter under its HuggingFace name ({@code bert.encoder.layer.0.attention.self.query.weight},
     * ...), in block order. The masked-LM decoder weight is the word table and is listed once, as
     * {@code bert.embeddings.word_embeddings.weight}.
     */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> named = new LinkedHashMap<>();
        collect(this, "", named);
        return named;
    }

    private static void collect(Block block, String prefix, Map<String, Parameter> into) {
        for (Pair<String, Parameter> direct : block.getDirectParameters()) {
            into.put(prefix + huggingFaceLeaf(direct.getKey()), direct.getValue());
        }
        for (Pair<String, Block> child : block.getChildren()) {
            // DJL prefixes child names with their index ("01bert"); HuggingFace names have none.
            String name = CHILD_INDEX.matcher(child.getKey()).replaceFirst("");
            collect(child.getValue(), prefix + name + ".", into);
        }
    }

    /** DJL's LayerNorm calls its parameters gamma and beta; PyTorch calls them weight and bias. */
    private static String huggingFaceLeaf(String djlName) {
        return switch (djlName) {
            case "gamma" -> "weight";
            case "beta" -> "bias";
            default -> djlName;
        };
    }

    /** Total number of parameter values (the tied decoder counted once), as in {@code runs.model_params}. */
    public long parameterCount() {
        long total = 0;
        for (Parameter parameter : namedParameters().values()) {
            total += parameter.getArray().size();
        }
        return total;
    }

    /**
     * The parameters the head's loss reaches, which the optimiser updates, by HuggingFace name: all
     * but the pooler unless the head reads it (HuggingFace leaves an unused pooler's gradient empty).
     */
    public Map<String, Parameter> trainableParameters() {
        Map<String, Parameter> trainable = new LinkedHashMap<>(namedParameters());
        if (!head.usesPooler()) {
            trainable.keySet().removeIf(name -> name.startsWith("bert.pooler."));
        }
        return trainable;
    }

    /**
     * DJL block interface: inputs {@code (inputIds, typeIds, attentionMask)}; outputs the head's
     * logits (classification: {@code (B, C)}; tokens: {@code (B, T, C)}; QA: start and end
     * {@code (B, T)}; MLM: {@code (B, T, V)}).
     */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        ModelInput input = new ModelInput(inputs.get(0), inputs.get(1), inputs.get(2));
        NDArray sequence = encode(store, input, training);
        return switch (head.type()) {
            case SEQUENCE_CLASSIFICATION -> new NDList(sequenceLogits(store, sequence, training));
            case TOKEN_CLASSIFICATION -> new NDList(tokenLogits(store, sequence, training));
            case SPAN_QA -> spanLogits(store, sequence, input.attentionMask(), training);
            case MASKED_LM -> new NDList(mlmLogits(store, sequence, training));
        };
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape ids = inputShapes[0];
        encoder.initialize(manager, dataType, ids, ids, ids);
        Shape hidden = ids.add(config.hiddenSize());
        if (mlmHead != null) {
            mlmHead.initialize(manager, dataType, hidden);
        } else {
            outputLayer.initialize(manager, dataType, hidden);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        return switch (head.type()) {
            case SEQUENCE_CLASSIFICATION -> new Shape[] {new Shape(ids.get(0), head.outputs())};
            case TOKEN_CLASSIFICATION -> new Shape[] {ids.add(head.outputs())};
            case SPAN_QA -> new Shape[] {ids, ids};
            case MASKED_LM -> new Shape[] {ids.add(config.vocabSize())};
        };
    }
}
