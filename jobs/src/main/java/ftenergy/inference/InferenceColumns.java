package ftenergy.inference;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import ftenergy.data.TaskType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns {@link BertInference} appends: the prediction (which depends on the head), then how
 * it was measured. Per-example seconds and joules are the example's share of its batch (batch
 * total / batch size) in the first pass, extrapolated between meter samples; model loading is not in
 * them. They show how cost spreads over rows; the energy per example of record is the partition's
 * batches' window over every example it predicted ({@link PartitionMeasurement#joulesPerExample()}).
 */
record InferenceColumns(String prediction, TaskType head) implements Serializable {

    static final String BATCH = "inference_batch";
    static final String BATCH_SIZE = "inference_batch_size";
    static final String SEQ_LEN = "inference_seq_len";
    static final String TOKENS = "inference_tokens";
    static final String SECONDS = "inference_seconds";
    static final String JOULES = "inference_joules";
    static final String DEVICE = "inference_device";
    static final String ENERGY_SOURCE = "inference_energy_source";

    /** The prediction columns of this head, named after {@link #prediction}. */
    List<StructField> predictionFields() {
        return switch (head) {
            case SEQUENCE_CLASSIFICATION -> List.of(
                    field(prediction, StringType, "predicted class"),
                    field(prediction + "_index", IntegerType, "its index in the head's labels"),
                    field(prediction + "_score", DoubleType, "its softmax probability"));
            case TOKEN_CLASSIFICATION -> List.of(
                    field(prediction + "_tags", createArrayType(StringType), "one tag per word (per token for token-id input)"));
            case SPAN_QA -> List.of(
                    field(prediction + "_answer", StringType,
                            "answer text, empty for no answer (null score above the span's, SQuAD v2.0's rule)"),
                    field(prediction + "_start", IntegerType, "first token of the best span, 0 if the input has no context"),
                    field(prediction + "_end", IntegerType, "last token of the best span, 0 if the input has no context"),
                    field(prediction + "_score", DoubleType, "start + end score of the best span"),
                    field(prediction + "_null_score", DoubleType, "start + end score of [CLS], the no-answer score"));
            case MASKED_LM -> throw new IllegalArgumentException("a masked-LM head predicts no labels");
        };
    }

    static List<StructField> measurementFields() {
        return List.of(
                field(BATCH, StringType, "the batch: partition, task attempt and batch number"),
                field(BATCH_SIZE, IntegerType, "examples in the batch"),
                field(SEQ_LEN, IntegerType, "the batch's padded length"),
                field(TOKENS, IntegerType, "this example's real tokens"),
                field(SECONDS, DoubleType, "the example's share of its batch's forward pass, seconds"),
                field(JOULES, DoubleType, "the example's share of its batch's metered energy, joules"),
                field(DEVICE, StringType, "device the model ran on"),
                field(ENERGY_SOURCE, StringType, "how the energy was obtained, per component"));
    }

    /** {@code input} with the appended columns; fails naming a column the input already has. */
    StructType appendTo(StructType input) {
        List<StructField> fields = new ArrayList<>(List.of(input.fields()));
        List<StructField> added = new ArrayList<>(predictionFields());
        added.addAll(measurementFields());
        for (StructField field : added) {
            if (List.of(input.fieldNames()).contains(field.name())) {
                throw new IllegalArgumentException("input already has a column '" + field.name()
                        + "'; choose another prediction column name or drop it");
            }
            fields.add(field);
        }
        return new StructType(fields.toArray(StructField[]::new));
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type, String comment) {
        return new StructField(name, type, true, Metadata.empty()).withComment(comment);
    }
}
