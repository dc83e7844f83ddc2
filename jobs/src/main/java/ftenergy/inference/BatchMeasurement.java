package ftenergy.inference;

import java.io.Serializable;
import java.time.Instant;

/**
 * One batch of a {@link BertInference} partition: what went through the model and what it cost.
 *
 * @param batch the batch id, as in the {@code inference_batch} column
 * @param pass 1-based pass over the partition's rows the batch belongs to: passes after the first
 *     repeat the first's batches so that the measurement spans enough meter samples
 * @param size examples in the batch
 * @param seqLen the batch's padded length
 * @param tokensReal non-padding tokens of its examples
 * @param seconds from tokenizing its first row to its predictions read back from the device
 * @param joules metered energy over those seconds
 * @param endedAt when its predictions were back
 */
public record BatchMeasurement(String batch, int pass, int size, int seqLen, long tokensReal, double seconds, double joules,
        Instant endedAt) implements Serializable {

    /** Tokens the model computed on: every example padded to the batch's length. */
    public long tokensPadded() {
        return (long) size * seqLen;
    }
}
