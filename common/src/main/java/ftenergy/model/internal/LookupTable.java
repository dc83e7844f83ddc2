package ftenergy.model.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * An embedding table looked up by integer id: one parameter {@code weight} of shape
 * {@code (rows, width)}, as {@code torch.nn.Embedding}.
 *
 * <p>DJL's {@code TrainableWordEmbedding} wraps a vocabulary of items; ids are all BERT needs.
 */
public final class LookupTable extends AbstractBlock {

    private final Parameter weight;

    /** A table of {@code rows × width}, initialised by the model's weight initializer. */
    public LookupTable(int rows, int width) {
        weight = addParameter(Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(rows, width))
                .build());
    }

    /** The table itself, for weight tying (the masked-LM decoder). */
    public Parameter weight() {
        return weight;
    }

    /** Rows for {@code ids} (int64, any shape): the result has one more axis, of the table's width. */
    public NDArray lookup(ParameterStore store, NDArray ids, boolean training) {
        NDArray table = store.getValue(weight, ids.getDevice(), training);
        // Called on ids so the result belongs to the caller's (per-step) manager, not the table's.
        return Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(lookup(store, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(weight.getShape().get(1))};
    }
}
