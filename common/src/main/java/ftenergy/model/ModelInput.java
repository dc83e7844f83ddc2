package ftenergy.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ftenergy.data.Batch;

/**
 * A batch as the three int64 tensors {@code (B, T)} BERT reads.
 *
 * @param inputIds token ids, {@link Batch#PAD_ID} at padding
 * @param typeIds segment ids
 * @param attentionMask 1 for real tokens, 0 for padding
 */
public record ModelInput(NDArray inputIds, NDArray typeIds, NDArray attentionMask) {

    /** The batch's tensors, created by (and closed with) {@code manager}, on its device. */
    public static ModelInput of(Batch batch, NDManager manager) {
        return of(batch, batch.inputIds(), manager);
    }

    /** The batch with its input ids replaced (masked-LM inputs); type ids and mask from the batch. */
    public static ModelInput of(Batch batch, long[] inputIds, NDManager manager) {
        Shape shape = new Shape(batch.size(), batch.seqLen());
        return new ModelInput(
                manager.create(inputIds, shape), manager.create(batch.typeIds(), shape),
                manager.create(batch.attentionMask(), shape));
    }

    /** The three tensors in DJL's block input order. */
    public NDList toList() {
        return new NDList(inputIds, typeIds, attentionMask);
    }
}
