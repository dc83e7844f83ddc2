package ftenergy.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import ftenergy.model.internal.InvertedDropout;
import ftenergy.model.internal.LookupTable;

/**
 * BERT's input layer: word + position + token-type embeddings, LayerNorm, dropout. DistilBERT
 * has no token-type table: its type ids are ignored.
 *
 * <p>Positions are looked up by position id {@code 0..T-1} for the batch's own length {@code T},
 * so any batch length up to {@link BertConfig#maxPositionEmbeddings()} works (dynamic padding).
 * Inputs: {@code (inputIds, typeIds)}, both int64 {@code (B, T)}; output {@code (B, T, H)}.
 */
public final class BertEmbeddings extends AbstractBlock {

    private final BertConfig config;
    private final LookupTable words;
    private final LookupTable positions;
    private final LookupTable tokenTypes;
    private final LayerNorm norm;

    /** The embeddings of a model of this shape; parameters are created by {@code initialize}. */
    public BertEmbeddings(BertConfig config) {
        this.config = config;
        words = addChildBlock("word_embeddings", new LookupTable(config.vocabSize(), config.hiddenSize()));
        positions = addChildBlock(
                "position_embeddings", new LookupTable(config.maxPositionEmbeddings(), config.hiddenSize()));
        tokenTypes = config.typeVocabSize() == 0 ? null
                : addChildBlock("token_type_embeddings", new LookupTable(config.typeVocabSize(), config.hiddenSize()));
        norm = addChildBlock("LayerNorm", BertLayer.layerNorm(config));
    }

    /** The word table, shared with the masked-LM decoder. */
    public LookupTable wordEmbeddings() {
        return words;
    }

    /** Embeds a batch: {@code (B, T)} ids and type ids to {@code (B, T, H)}. */
    public NDArray embed(ParameterStore store, NDArray inputIds, NDArray typeIds, boolean training) {
        long length = inputIds.getShape().get(1);
        if (length > config.maxPositionEmbeddings()) {
            throw new IllegalArgumentException("batch of length " + length + " exceeds the model's "
                    + config.maxPositionEmbeddings() + " position embeddings; truncate to max_seq_len first");
        }
        NDManager batchManager = inputIds.getManager();
        NDArray positionIds = batchManager.arange(0, (int) length, 1, DataType.INT64, inputIds.getDevice());
        NDArray sum = words.lookup(store, inputIds, training).addi(positions.lookup(store, positionIds, training));
        if (tokenTypes != null) {
            sum.addi(tokenTypes.lookup(store, typeIds, training));
        }
        NDArray normalised = norm.forward(store, new NDList(sum), training).singletonOrThrow();
        return InvertedDropout.apply(normalised, config.hiddenDropoutProb(), training);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(embed(store, inputs.get(0), inputs.get(1), training));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape ids = inputShapes[0];
        words.initialize(manager, dataType, ids);
        positions.initialize(manager, dataType, new Shape(ids.get(1)));
        if (tokenTypes != null) {
            tokenTypes.initialize(manager, dataType, ids);
        }
        norm.initialize(manager, dataType, ids.add(config.hiddenSize()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(config.hiddenSize())};
    }
}
