package ftenergy.inference;

import java.util.List;

/**
 * What {@link InferenceJob} runs: a checkpoint over a table at several batch sizes.
 *
 * @param checkpoint fine-tuned checkpoint directory
 * @param textCol text column (ignored with {@code inputIdsCol})
 * @param textPairCol second text column, or empty
 * @param inputIdsCol token-id column instead of text, or empty
 * @param typeIdsCol segment-id column beside the token ids, or empty
 * @param batchSizes each is one full pass over the table
 * @param maxLength truncation length, 0 for the model's limit
 * @param meterHocon {@code ftenergy.meter} settings as HOCON
 * @param output Delta table for the scored rows of every pass, or {@code null} to keep only the summary
 */
public record InferenceRequest(String checkpoint, String textCol, String textPairCol, String inputIdsCol,
        String typeIdsCol, List<Integer> batchSizes, int maxLength, String meterHocon, String output) {

    public InferenceRequest {
        batchSizes = List.copyOf(batchSizes);
        if (batchSizes.isEmpty() || batchSizes.stream().anyMatch(b -> b < 1)) {
            throw new IllegalArgumentException("batch sizes must be >= 1, were " + batchSizes);
        }
    }

    /** The transformer for one pass. */
    BertInference transformer(int batchSize) {
        return new BertInference().setCheckpoint(checkpoint).setTextCol(textCol).setTextPairCol(textPairCol)
                .setInputIdsCol(inputIdsCol).setTypeIdsCol(typeIdsCol).setBatchSize(batchSize).setMaxLength(maxLength)
                .setMeterConf(meterHocon);
    }
}
