package ftenergy.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The BERT encoder ({@code BertModel} in HuggingFace): embeddings, {@code N} {@link BertLayer}s and
 * the [CLS] pooler (for DistilBERT, which has none, the {@code pre_classifier} of its
 * sequence-classification head, built only under that head).
 *
 * <p>Inputs: {@code (inputIds, typeIds, attentionMask)}, int64 {@code (B, T)}, mask 1 for real
 * tokens and 0 for padding. Padding is excluded by an additive mask on the attention scores, so a
 * real token's output does not depend on how much padding follows it.
 */
public final class BertEncoder extends AbstractBlock {

    /** Added to attention scores of padded keys: exp(-10000) is exactly 0 in float32, as in Google's BERT. */
    private static final float MASKED_SCORE = -10000f;

    private final BertConfig config;
    private final BertEmbeddings embeddings;
    private final List<BertLayer> layers;
    private final Linear pooler;

    /**
     * An encoder of this shape; parameters are created by {@code initialize}.
     *
     * @param withPooler whether to build the pooler; BERT always has one, DistilBERT only under a
     *     sequence-classification head (its {@code pre_classifier})
     */
    public BertEncoder(BertConfig config, boolean withPooler) {
        this.config = config;
        embeddings = addChildBlock("embeddings", new BertEmbeddings(config));
        List<BertLayer> stack = new ArrayList<>();
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            stack.add(addChildBlock("encoder.layer." + i, new BertLayer(config)));
        }
        layers = Collections.unmodifiableList(stack);
        pooler = withPooler ? addChildBlock("pooler.dense", BertLayer.linear(config.hiddenSize())) : null;
    }

    /** The encoder's shape. */
    public BertConfig config() {
        return config;
    }

    /** The input embeddings. */
    public BertEmbeddings embeddings() {
        return embeddings;
    }

    /** The transformer layers, bottom first. */
    public List<BertLayer> layers() {
        return layers;
    }


    /** Last-layer hidden states {@code (B, T, H)} of a batch. */
    public NDArray encode(ParameterStore store, NDArray inputIds, NDArray typeIds, NDArray attentionMask,
            boolean training) {
        NDArray hidden = embeddings.embed(store, inputIds, typeIds, training);
        NDArray additiveMask = additiveMask(attentionMask);
        for (BertLayer layer : layers) {
            hidden = layer.apply(store, hidden, additiveMask, training);
        }
        return hidden;
    }

    /**
     * The pooled [CLS] representation {@code tanh(W h[CLS] + b)}, {@code (B, H)}; DistilBERT's
     * {@code pre_classifier} takes the pooler's place with ReLU instead of tanh.
     */
    public NDArray pool(ParameterStore store, NDArray sequence, boolean training) {
        if (pooler == null) {
            throw new IllegalStateException("this encoder was built without a pooler");
        }
        NDArray cls = sequence.get(new NDIndex(":, 0, :"));
        NDArray dense = pooler.forward(store, new NDList(cls), training).singletonOrThrow();
        return config.isDistilBert() ? Activation.relu(dense) : Activation.tanh(dense);
    }

    /** {@code (B, T)} 1/0 mask to {@code (B, 1, 1, T)} scores: 0 for real keys, -10000 for padding. */
    static NDArray additiveMask(NDArray attentionMask) {
        Shape shape = attentionMask.getShape();
        return attentionMask.toType(DataType.FLOAT32, false)
                .sub(1f)
                .muli(-MASKED_SCORE)
                .reshape(shape.get(0), 1, 1, shape.get(1));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray sequence = encode(store, inputs.get(0), inputs.get(1), inputs.get(2), training);
        return pooler == null ? new NDList(sequence) : new NDList(sequence, pool(store, sequence, training));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape ids = inputShapes[0];
        embeddings.initialize(manager, dataType, ids, ids);
        Shape hidden = ids.add(config.hiddenSize());
        Shape mask = new Shape(ids.get(0), 1, 1, ids.get(1));
        for (BertLayer layer : layers) {
            layer.initialize(manager, dataType, hidden, mask);
        }
        if (pooler != null) {
            pooler.initialize(manager, dataType, new Shape(ids.get(0), config.hiddenSize()));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        Shape sequence = ids.add(config.hiddenSize());
        return pooler == null ? new Shape[] {sequence} : new Shape[] {sequence, new Shape(ids.get(0), config.hiddenSize())};
    }
}
