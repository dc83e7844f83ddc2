package ftenergy.model.internal;

import ai.djl.ndarray.NDArray;
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

/**
 * BERT's masked-LM head ({@code cls.predictions}): dense + GELU + LayerNorm, then a decoder whose
 * weight is the word-embedding table (tied, not a parameter of its own) plus an output bias.
 *
 * <p>Input: hidden states {@code (..., H)}; output: vocabulary logits {@code (..., V)}.
 */
public final class MlmHead extends AbstractBlock {

    private final Linear dense;
    private final LayerNorm norm;
    private final Parameter bias;
    private final Parameter tiedWordEmbeddings;
    private final int hidden;

    /**
     * @param dense {@code transform.dense}, {@code H → H}
     * @param norm {@code transform.LayerNorm}
     * @param tiedWordEmbeddings the encoder's word table, {@code (V, H)}
     * @param vocabSize {@code V}
     * @param hidden {@code H}
     */
    public MlmHead(Linear dense, LayerNorm norm, Parameter tiedWordEmbeddings, int vocabSize, int hidden) {
        this.dense = addChildBlock("transform.dense", dense);
        this.norm = addChildBlock("transform.LayerNorm", norm);
        this.tiedWordEmbeddings = tiedWordEmbeddings;
        this.hidden = hidden;
        bias = addParameter(Parameter.builder()
                .setName("bias")
                .setType(Parameter.Type.BIAS)
                .optShape(new Shape(vocabSize))
                .build());
    }

    /** Vocabulary logits for hidden states of any leading shape. */
    public NDArray logits(ParameterStore store, NDArray hiddenStates, boolean training) {
        NDArray transformed = Activation.gelu(forward(store, dense, hiddenStates, training));
        NDArray normalised = forward(store, norm, transformed, training);
        NDArray decoder = store.getValue(tiedWordEmbeddings, hiddenStates.getDevice(), training);
        NDArray outputBias = store.getValue(bias, hiddenStates.getDevice(), training);
        // linear(x, W, b) = x W^T + b with W the (V, H) embedding table: the tied decoder.
        return Linear.linear(normalised, decoder, outputBias).singletonOrThrow();
    }

    private static NDArray forward(ParameterStore store, Block block, NDArray input, boolean training) {
        return block.forward(store, new NDList(input), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(logits(store, inputs.singletonOrThrow(), training));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape rows = new Shape(1, 1, hidden);
        dense.initialize(manager, dataType, rows);
        norm.initialize(manager, dataType, rows);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {in.slice(0, in.dimension() - 1).add(bias.getShape().get(0))};
    }
}
