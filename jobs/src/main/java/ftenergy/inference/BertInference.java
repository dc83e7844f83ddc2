package ftenergy.inference;

import ftenergy.live.AttemptIdentity;
import ftenergy.predict.Predictor;
import ftenergy.model.checkpoint.CheckpointInfo;
import ftenergy.model.ModelException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;

/**
 * Runs a fine-tuned checkpoint over a DataFrame: a Spark ML {@link Transformer}, so it fits in a
 * {@code Pipeline} and saves with its params.
 *
 * <pre>{@code
 * CollectionAccumulator<PartitionMeasurement> measured = spark.sparkContext().collectionAccumulator("inference");
 * Dataset<Row> scored = new BertInference()
 *         .setCheckpoint("checkpoints/<finetune run_id>")
 *         .setTextCol("review")
 *         .setBatchSize(32)
 *         .transformMeasured(reviews, measured);
 * scored.write().format("delta").save("scored");
 * measured.value().forEach(p -> System.out.println(p.joulesPerExample()));  // J/example at batch size 32
 * }</pre>
 *
 * <p>Input is a text column (with an optional second text: the pair of a sentence-pair task, the
 * context of a QA question), tokenized with the tokenizer stored in the checkpoint, or a column of
 * token ids already made with it ({@code examples.input_ids}). Each partition loads model and
 * tokenizer once on its task's GPU (Spark resource scheduling) or the CPU, meters itself, and
 * predicts its rows in batches of {@code batchSize}, in order. Columns added: the prediction (see
 * {@link InferenceColumns}: class, index and probability; per-word tags; answer text and tokens)
 * and the measurement ({@code inference_batch}, {@code _batch_size}, {@code _seq_len},
 * {@code _tokens}, {@code _seconds}, {@code _joules}, {@code _device}, {@code _energy_source}).
 * A row's joules are its share of its batch's, extrapolated between meter samples; the energy per
 * example of record is its partition's ({@link PartitionMeasurement#joulesPerExample()}): the
 * batches' own window over every example predicted, the repeats of a partition whose first pass
 * was too short to measure included (see {@link InferencePartition}).
 *
 * <p>One metered partition at a time per executor JVM (the meter attributes the process's share
 * of the host to it); give each executor one task slot for clean per-partition numbers. The
 * checkpoint directory must be readable by the driver (its head decides the output schema) and
 * by every executor.
 */
public final class BertInference extends Transformer implements DefaultParamsWritable {

    private final String uid;
    private final Param<String> checkpoint;
    private final Param<String> textCol;
    private final Param<String> textPairCol;
    private final Param<String> inputIdsCol;
    private final Param<String> typeIdsCol;
    private final IntParam batchSize;
    private final IntParam maxLength;
    private final Param<String> predictionCol;
    private final Param<String> meterConf;

    public BertInference() {
        this(Identifiable.randomUID("bertInference"));
    }

    /** With a given uid (Spark ML's copy and load use this). */
    public BertInference(String uid) {
        this.uid = uid;
        checkpoint = new Param<>(this, "checkpoint", "directory of a fine-tuned checkpoint (a finetune run's)");
        textCol = new Param<>(this, "textCol", "column of texts (the question, for span QA)");
        textPairCol = new Param<>(this, "textPairCol", "column of second texts (sentence pair, QA context); empty for none");
        inputIdsCol = new Param<>(this, "inputIdsCol", "column of token ids instead of text; empty to tokenize textCol");
        typeIdsCol = new Param<>(this, "typeIdsCol", "column of segment ids beside inputIdsCol; empty for all zeros");
        batchSize = new IntParam(this, "batchSize", "rows per forward pass", ParamValidators.gtEq(1));
        maxLength = new IntParam(this, "maxLength", "texts are truncated to this many tokens; 0 for the model's position limit",
                ParamValidators.gtEq(0));
        predictionCol = new Param<>(this, "predictionCol", "name (and prefix) of the prediction columns");
        meterConf = new Param<>(this, "meterConf", "ftenergy.meter settings as HOCON; empty for the defaults");
        setDefault(checkpoint, "");
        setDefault(textCol, "text");
        setDefault(textPairCol, "");
        setDefault(inputIdsCol, "");
        setDefault(typeIdsCol, "");
        setDefault(batchSize, 1);
        setDefault(maxLength, 0);
        setDefault(predictionCol, "prediction");
        setDefault(meterConf, "");
    }

    /** Loads a transformer saved with {@code write().save(path)}. */
    public static MLReader<BertInference> read() {
        return new DefaultParamsReader<>();
    }

    /** {@code read().load(path)}. */
    public static BertInference load(String path) {
        return read().load(path);
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> checkpoint() {
        return checkpoint;
    }

    public Param<String> textCol() {
        return textCol;
    }

    public Param<String> textPairCol() {
        return textPairCol;
    }

    public Param<String> inputIdsCol() {
        return inputIdsCol;
    }

    public Param<String> typeIdsCol() {
        return typeIdsCol;
    }

    public IntParam batchSize() {
        return batchSize;
    }

    public IntParam maxLength() {
        return maxLength;
    }

    public Param<String> predictionCol() {
        return predictionCol;
    }

    public Param<String> meterConf() {
        return meterConf;
    }

    public BertInference setCheckpoint(String value) {
        return (BertInference) set(checkpoint, value);
    }

    public BertInference setTextCol(String value) {
        return (BertInference) set(textCol, value);
    }

    public BertInference setTextPairCol(String value) {
        return (BertInference) set(textPairCol, value);
    }

    public BertInference setInputIdsCol(String value) {
        return (BertInference) set(inputIdsCol, value);
    }

    public BertInference setTypeIdsCol(String value) {
        return (BertInference) set(typeIdsCol, value);
    }

    public BertInference setBatchSize(int value) {
        return (BertInference) set(batchSize, value);
    }

    public BertInference setMaxLength(int value) {
        return (BertInference) set(maxLength, value);
    }

    public BertInference setPredictionCol(String value) {
        return (BertInference) set(predictionCol, value);
    }

    public BertInference setMeterConf(String value) {
        return (BertInference) set(meterConf, value);
    }

    public int getBatchSize() {
        return (Integer) $(batchSize);
    }

    public String getCheckpoint() {
        return $(checkpoint);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        return transformMeasured(dataset, null);
    }

    /**
     * {@link #transform(Dataset)}, and each partition adds its {@link PartitionMeasurement} to
     * {@code measurements} when its last row is out: the whole metered window (model loading
     * included) and the window of its batches alone, per component, the passes it made, its
     * batches and its power samples. Spark applies the additions of
     * successful task attempts once per action that computes the partitions; register the
     * accumulator with this session's context.
     */
    public Dataset<Row> transformMeasured(Dataset<?> dataset, CollectionAccumulator<PartitionMeasurement> measurements) {
        return transformMeasured(dataset, measurements, null);
    }

    /**
     * {@link #transformMeasured(Dataset, CollectionAccumulator)} as a sweep's inference run: each
     * partition is then {@code attempt}, live in its executor's metrics and deliveries while it runs
     * ({@link ftenergy.live.LiveAttempt}).
     */
    public Dataset<Row> transformMeasured(Dataset<?> dataset, CollectionAccumulator<PartitionMeasurement> measurements,
            AttemptIdentity attempt) {
        StructType input = dataset.schema();
        CheckpointInfo info = fineTunedCheckpoint();
        InferenceColumns columns = new InferenceColumns($(predictionCol), info.head().type());
        StructType output = outputSchema(input, columns);
        int positions = info.config().maxPositionEmbeddings();
        int length = (Integer) $(maxLength);
        if (length > positions || (length > 0 && length < 8)) {
            throw new IllegalArgumentException("maxLength " + length + " must be 0 (the model's limit) or in 8.."
                    + positions + " for checkpoint " + getCheckpoint());
        }
        InferencePartition.Plan plan = new InferencePartition.Plan(getCheckpoint(), index(input, textCol),
                index(input, textPairCol), index(input, inputIdsCol), index(input, typeIdsCol), getBatchSize(),
                length == 0 ? positions : length, $(meterConf), columns, measurements, attempt);
        return dataset.toDF().mapPartitions(new InferencePartition(plan), Encoders.row(output));
    }

    /** The input schema with the prediction and measurement columns; fails naming a missing or mistyped column. */
    @Override
    public StructType transformSchema(StructType schema) {
        return outputSchema(schema, new InferenceColumns($(predictionCol), fineTunedCheckpoint().head().type()));
    }

    private StructType outputSchema(StructType schema, InferenceColumns columns) {
        if ($(inputIdsCol).isEmpty()) {
            require(schema, $(textCol), DataTypes.StringType, "textCol");
            if (!$(textPairCol).isEmpty()) {
                require(schema, $(textPairCol), DataTypes.StringType, "textPairCol");
            }
        } else {
            ArrayType ids = DataTypes.createArrayType(DataTypes.IntegerType);
            require(schema, $(inputIdsCol), ids, "inputIdsCol");
            if (!$(typeIdsCol).isEmpty()) {
                require(schema, $(typeIdsCol), ids, "typeIdsCol");
            }
        }
        return columns.appendTo(schema);
    }

    /** The checkpoint's config, read on the driver: its head decides the output schema. */
    private CheckpointInfo fineTunedCheckpoint() {
        if (getCheckpoint().isEmpty()) {
            throw new IllegalArgumentException("BertInference needs a checkpoint: setCheckpoint(<fine-tuned checkpoint directory>)");
        }
        try {
            return Predictor.fineTuned(Path.of(getCheckpoint()));
        } catch (ModelException e) {
            // Spark ML reports bad params and schemas as IllegalArgumentException.
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static void require(StructType schema, String column, DataType type, String param) {
        if (!List.of(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException(param + ": no column '" + column + "' in " + schema.simpleString());
        }
        DataType actual = schema.apply(column).dataType();
        // Nullability of array elements does not matter: nulls are refused per row.
        boolean matches = type instanceof ArrayType wanted && actual instanceof ArrayType got
                ? wanted.elementType().equals(got.elementType())
                : type.equals(actual);
        if (!matches) {
            throw new IllegalArgumentException(param + ": column '" + column + "' is " + actual.simpleString()
                    + ", expected " + type.simpleString());
        }
    }

    private int index(StructType schema, Param<String> column) {
        String name = $(column);
        if (name.isEmpty() || (column == textCol && !$(inputIdsCol).isEmpty())) {
            return -1;
        }
        return schema.fieldIndex(name);
    }

    @Override
    public BertInference copy(ParamMap extra) {
        return (BertInference) defaultCopy(extra);
    }
}
