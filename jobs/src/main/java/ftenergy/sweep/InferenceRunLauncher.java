package ftenergy.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import ftenergy.meter.EnergyUnit;
import ftenergy.carbon.CarbonAccounting;
import ftenergy.carbon.CarbonSettings;
import ftenergy.config.ConfigReader;
import ftenergy.data.Example;
import ftenergy.data.TaskInfo;
import ftenergy.data.TaskType;
import ftenergy.attempt.MeteredRun;
import ftenergy.attempt.SweepProvenance;
import ftenergy.attempt.TaskData;
import ftenergy.predict.HeadOutput;
import ftenergy.predict.Metric;
import ftenergy.predict.Predictor;
import ftenergy.predict.Scorer;
import ftenergy.inference.BatchMeasurement;
import ftenergy.inference.BertInference;
import ftenergy.inference.PartitionMeasurement;
import ftenergy.live.AttemptIdentity;
import ftenergy.model.TaskHead;
import ftenergy.text.TokenizerFile;
import ftenergy.run.EvalPoint;
import ftenergy.run.AttemptResult;
import ftenergy.run.RunSpec;
import ftenergy.run.RunStatus;
import ftenergy.run.StepRecord;
import ftenergy.run.WorkCounts;
import ftenergy.text.TokenSpan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;

/**
 * Runs a sweep's inference runs through {@link BertInference}, the DataFrame inference users run
 * on their own tables: the run's evaluation examples (token ids, as prepared) in one partition, at
 * the run's batch size, so the run is one metered partition. Job group and description name the
 * run, as {@link SparkRunLauncher}'s do.
 *
 * <p>The partition's {@link PartitionMeasurement} comes back through an accumulator and becomes the
 * run's rows: one step per batch of every pass (a pass too short to measure is repeated until the
 * batches span 10 meter sample intervals; a step's epoch is its 0-based pass, and the run's
 * examples and tokens count every pass, so that its J/example is the batches' energy over all the
 * examples it measured), the window's energy per component (model loading included, as a
 * training run's window includes it) accounted with the carbon settings of the executor's host,
 * of which the loading's share ({@code energy_setup_kwh}: the window less its batches' window), the
 * power samples, and the task metric scored from the predicted columns against the examples'
 * gold answers ({@link Scorer}, as fine-tuning evaluations score: a span-QA question from the
 * spans and scores of all its windows, by its task's answer rule).
 *
 * <p>The inference task takes the cluster's default task resources: on a GPU cluster set
 * {@code spark.task.resource.gpu.amount} so that every task, inference included, gets its GPU.
 */
final class InferenceRunLauncher implements RunLauncher {

    private static final StructType EXAMPLES = new StructType()
            .add("example_id", DataTypes.StringType, false)
            .add("input_ids", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add("type_ids", DataTypes.createArrayType(DataTypes.IntegerType, false), false);

    private final SparkSession spark;
    private final Function<RunSpec, TaskData> examples;
    private final Path checkpoints;
    private final Path tokenizerFile;
    private final Config config;
    private final SweepProvenance provenance;

    /**
     * @param spark the driver's session
     * @param examples the examples of a run (its evaluation split is predicted)
     * @param checkpoints directory of checkpoints, one per run id (the fine-tuned models)
     * @param tokenizerFile the tokenizer of the examples (decodes span-QA answers for scoring)
     * @param config the resolved configuration: meter settings for the partition, carbon settings for its host
     * @param provenance what every run of the submission shares in its provenance
     */
    InferenceRunLauncher(SparkSession spark, Function<RunSpec, TaskData> examples, Path checkpoints, Path tokenizerFile,
            Config config, SweepProvenance provenance) {
        this.spark = spark;
        this.examples = examples;
        this.checkpoints = checkpoints;
        this.tokenizerFile = tokenizerFile;
        this.config = config;
        this.provenance = provenance;
    }

    @Override
    public Launched launch(RunSpec spec, int attempt) {
        TaskData data = examples.apply(spec);
        List<Example> eval = data.eval();
        if (eval.isEmpty()) {
            throw new IllegalStateException("inference run " + spec.runId() + " has no evaluation examples of task " + spec.task());
        }
        Path checkpoint = checkpoint(spec);
        TaskHead head = Predictor.fineTuned(checkpoint).head();
        CollectionAccumulator<PartitionMeasurement> measured =
                spark.sparkContext().collectionAccumulator("inference run " + spec.runId() + " attempt " + attempt);
        BertInference inference = new BertInference()
                .setCheckpoint(checkpoint.toString())
                .setInputIdsCol("input_ids")
                .setTypeIdsCol("type_ids")
                .setBatchSize(spec.hyperparameters().batchSize())
                .setMaxLength(spec.hyperparameters().maxSeqLen())
                .setMeterConf(config.getConfig("ftenergy.meter").atPath("ftenergy.meter").root()
                        .render(ConfigRenderOptions.concise()));
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SparkRunLauncher.nameJob(context, spec, attempt);
        List<Row> predicted;
        try {
            predicted = inference.transformMeasured(frame(eval), measured, new AttemptIdentity(spec.runId(), spec.sweepId(), attempt))
                    .collectAsList();
        } finally {
            context.clearJobGroup();
        }
        List<PartitionMeasurement> partitions = measured.value();
        if (partitions.size() != 1) {
            throw new IllegalStateException("inference run " + spec.runId() + " attempt " + attempt + " came back with "
                    + partitions.size() + " partition measurements, expected 1");
        }
        PartitionMeasurement partition = partitions.get(0);
        // The run reads only its evaluation split: that is its data version.
        String dataVersion = new TaskData(data.info(), List.of(), eval).version();
        AttemptResult result = result(spec, attempt, partition, score(head, data.info(), eval, predicted), dataVersion);
        return new Launched(result, partition.window().startedAt(), partition.window().endedAt());
    }

    /** The fine-tuned checkpoint the run measures: its fine-tuning run's, or a directory named in the spec. */
    private Path checkpoint(RunSpec spec) {
        String initRun = spec.model().initRunId();
        return initRun != null ? checkpoints.resolve(initRun).toAbsolutePath() : Path.of(spec.model().init()).toAbsolutePath();
    }

    /** The examples as the {@code examples} table holds them, in one partition: the run is one metered window. */
    private Dataset<Row> frame(List<Example> eval) {
        List<Row> rows = new ArrayList<>(eval.size());
        for (Example example : eval) {
            rows.add(RowFactory.create(example.exampleId(), boxed(example.inputIds()), boxed(example.typeIds())));
        }
        return spark.createDataFrame(rows, EXAMPLES).coalesce(1);
    }

    private static List<Integer> boxed(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private List<Metric> score(TaskHead head, TaskInfo task, List<Example> eval, List<Row> predicted) {
        Map<String, Example> byId = new HashMap<>();
        eval.forEach(example -> byId.put(example.exampleId(), example));
        Scorer scorer = new Scorer(head, head.type() == TaskType.SPAN_QA && tokenizerFile != null
                ? TokenizerFile.vocabulary(tokenizerFile) : null, task.qa());
        for (Row row : predicted) {
            scorer.add(headOutput(head, row), byId.get(row.<String>getAs("example_id")));
        }
        return scorer.metrics();
    }

    /** The head's output back from the prediction columns ({@code prediction*}, BertInference's default names). */
    private static HeadOutput headOutput(TaskHead head, Row row) {
        return switch (head.type()) {
            case SEQUENCE_CLASSIFICATION -> HeadOutput.sequence(row.<Integer>getAs("prediction_index"),
                    row.<Double>getAs("prediction_score"));
            case TOKEN_CLASSIFICATION -> HeadOutput.tokens(
                    row.<String>getList(row.fieldIndex("prediction_tags")).stream().mapToInt(head.labels()::indexOf).toArray());
            case SPAN_QA -> HeadOutput.answer(
                    new TokenSpan(row.<Integer>getAs("prediction_start"), row.<Integer>getAs("prediction_end")),
                    row.<Double>getAs("prediction_score"), row.<Double>getAs("prediction_null_score"));
            case MASKED_LM -> throw new IllegalStateException("refused by Predictor.fineTuned");
        };
    }

    private AttemptResult result(RunSpec spec, int attempt, PartitionMeasurement partition, List<Metric> metrics,
            String dataVersion) {
        ConfigReader in = new ConfigReader(config);
        CarbonSettings carbon = CarbonSettings.read(in, partition.host().host());
        in.finish();
        List<StepRecord> steps = new ArrayList<>();
        long tokensReal = 0;
        long tokensPadded = 0;
        for (BatchMeasurement batch : partition.batches()) {
            steps.add(new StepRecord(steps.size() + 1, batch.pass() - 1, batch.size(), batch.seqLen(), batch.tokensReal(), batch.tokensPadded(),
                    Double.NaN, 0, batch.seconds(), batch.joules(), batch.endedAt()));
            tokensReal += batch.tokensReal();
            tokensPadded += batch.tokensPadded();
        }
        double windowKwh = EnergyUnit.joulesToKwh(partition.window().totalJoules());
        List<EvalPoint> evals = new ArrayList<>();
        for (Metric metric : metrics) {
            evals.add(new EvalPoint(steps.size(), metric.name(), metric.value(), windowKwh, Double.NaN));
        }
        // Scoring runs on the driver, outside the partition's window: no evaluation part.
        MeteredRun run = new MeteredRun(spec, attempt, partition.modelParams(), partition.host(), partition.window(),
                partition.loadJoules(), 0, 0, new WorkCounts(steps.size(), partition.examples(), tokensReal, tokensPadded, 0,
                        partition.passes()),
                metrics.get(0).name(), metrics.get(0).value(), RunStatus.SUCCEEDED, null, null, steps, partition.samples(), evals,
                provenance.forRun(dataVersion, partition.runtime()));
        return run.assemble(CarbonAccounting.withShippedTable(), carbon);
    }
}
