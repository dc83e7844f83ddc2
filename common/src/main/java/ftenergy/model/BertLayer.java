package ftenergy.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import ftenergy.model.internal.InvertedDropout;

/**
 * One BERT transformer layer: multi-head self-attention and a GELU feed-forward network, each
 * followed by dropout, a residual connection and LayerNorm (post-norm, as in BERT).
 *
 * <p>Child names are HuggingFace's module paths inside {@code encoder.layer.N}
 * ({@code attention.self.query}, ..., {@code output.LayerNorm}), so parameter names map one to one.
 * Query, key and value keep their own parameters (as in every BERT checkpoint) but are applied as
 * one fused matmul over their concatenation: one large GEMM instead of three smaller ones.
 *
 * <p>DistilBERT's layer is the same but for one dropout: none after the attention output
 * projection ({@code out_lin}), only after the feed-forward output.
 *
 * <p>Inputs: {@code (hidden (B, T, H), additiveMask (B, 1, 1, T))}; output {@code (B, T, H)}.
 */
public final class BertLayer extends AbstractBlock {

    private final BertConfig config;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear attentionOutput;
    private final LayerNorm attentionNorm;
    private final Linear intermediate;
    private final Linear output;
    private final LayerNorm outputNorm;
    private final Parameter[] qkvWeights;
    private final Parameter[] qkvBiases;

    /** A layer of this shape; parameters are created by {@code initialize}. */
    public BertLayer(BertConfig config) {
        this.config = config;
        int hidden = config.hiddenSize();
        query = addChildBlock("attention.self.query", linear(hidden));
        key = addChildBlock("attention.self.key", linear(hidden));
        value = addChildBlock("attention.self.value", linear(hidden));
        attentionOutput = addChildBlock("attention.output.dense", linear(hidden));
        attentionNorm = addChildBlock("attention.output.LayerNorm", layerNorm(config));
        intermediate = addChildBlock("intermediate.dense", linear(config.intermediateSize()));
        output = addChildBlock("output.dense", linear(hidden));
        outputNorm = addChildBlock("output.LayerNorm", layerNorm(config));
        qkvWeights = new Parameter[] {param(query, "weight"), param(key, "weight"), param(value, "weight")};
        qkvBiases = new Parameter[] {param(query, "bias"), param(key, "bias"), param(value, "bias")};
    }

    /** A dense layer with bias; its weight is {@code (units, in)} like PyTorch's and HuggingFace's. */
    static Linear linear(int units) {
        return Linear.builder().setUnits(units).optBias(true).build();
    }

    /** LayerNorm over the last axis of {@code (B, T, H)} (it also normalises the last axis of 2-D input). */
    static LayerNorm layerNorm(BertConfig config) {
        return LayerNorm.builder().axis(2).optEpsilon(config.layerNormEps()).build();
    }

    /** Runs the layer on {@code hidden (B, T, H)} with an additive attention mask {@code (B, 1, 1, T)}. */
    public NDArray apply(ParameterStore store, NDArray hidden, NDArray additiveMask, boolean training) {
        Shape shape = hidden.getShape();
        long batch = shape.get(0);
        long length = shape.get(1);
        int heads = config.numAttentionHeads();
        int headSize = config.headSize();

        NDList qkv = fusedProjection(store, hidden, training).split(3, 2);
        NDArray q = splitHeads(qkv.get(0), batch, length, heads, headSize);
        NDArray k = splitHeads(qkv.get(1), batch, length, heads, headSize);
        NDArray v = splitHeads(qkv.get(2), batch, length, heads, headSize);
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).muli(1.0 / Math.sqrt(headSize)).addi(additiveMask);
        NDArray probabilities = InvertedDropout.apply(scores.softmax(-1), config.attentionProbsDropoutProb(), training);
        NDArray context = probabilities.matMul(v).transpose(0, 2, 1, 3).reshape(batch, length, (long) heads * headSize);

        float attentionOutputDropout = config.isDistilBert() ? 0f : config.hiddenDropoutProb();
        NDArray attended = residualNorm(store, attentionOutput, attentionNorm, context, hidden, attentionOutputDropout,
                training);
        NDArray expanded = Activation.gelu(forward(store, intermediate, attended, training));
        return residualNorm(store, output, outputNorm, expanded, attended, config.hiddenDropoutProb(), training);
    }

    private NDArray fusedProjection(ParameterStore store, NDArray hidden, boolean training) {
        Device device = hidden.getDevice();
        NDManager batchManager = hidden.getManager();
        NDArray weight = concat(store, qkvWeights, device, training);
        NDArray bias = concat(store, qkvBiases, device, training);
        // concat belongs to the parameters' manager; move the temporaries to the batch's so they are freed with it.
        weight.attach(batchManager);
        bias.attach(batchManager);
        return Linear.linear(hidden, weight, bias).singletonOrThrow();
    }

    private static NDArray concat(ParameterStore store, Parameter[] parts, Device device, boolean training) {
        NDList values = new NDList(parts.length);
        for (Parameter part : parts) {
            values.add(store.getValue(part, device, training));
        }
        return NDArrays.concat(values);
    }

    private static Parameter param(Block block, String name) {
        return block.getDirectParameters().get(name);
    }

    private static NDArray splitHeads(NDArray x, long batch, long length, int heads, int headSize) {
        return x.reshape(batch, length, heads, headSize).transpose(0, 2, 1, 3);
    }

    private NDArray residualNorm(ParameterStore store, Linear dense, LayerNorm norm, NDArray input, NDArray residual,
            float dropout, boolean training) {
        NDArray projected = InvertedDropout.apply(forward(store, dense, input, training), dropout, training);
        return forward(store, norm, projected.addi(residual), training);
    }

    private static NDArray forward(ParameterStore store, Block block, NDArray input, boolean training) {
        return block.forward(store, new NDList(input), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(store, inputs.get(0), inputs.get(1), training));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape hidden = inputShapes[0];
        for (Block block : new Block[] {query, key, value, attentionOutput, attentionNorm, intermediate}) {
            block.initialize(manager, dataType, hidden);
        }
        Shape expanded = new Shape(hidden.get(0), hidden.get(1), config.intermediateSize());
        output.initialize(manager, dataType, expanded);
        outputNorm.initialize(manager, dataType, hidden);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
