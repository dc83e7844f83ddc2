package ftenergy.inference;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.data.TaskType;
import ftenergy.predict.TinyCheckpoints;
import ftenergy.lake.TestSpark;
import ftenergy.meter.Measurement;
import ftenergy.model.TaskHead;
import ftenergy.text.Encoded;
import ftenergy.text.TextTokenizer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BertInferenceTest {

    /** Samples often, so that short partitions still see the meter's power. */
    private static final String FAST_METER = "ftenergy.meter.sample-interval = 20ms";

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static Path classifier;
    private static Dataset<Row> reviews;

    @BeforeAll
    static void setUp() throws Exception {
        spark = TestSpark.session();
        classifier = TinyCheckpoints.write(dir, "classifier",
                new TaskHead(TaskType.SEQUENCE_CLASSIFICATION, List.of("negative", "positive")));
        Random random = new Random(7);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 1 + random.nextInt(20); w++) {
                text.append(TinyCheckpoints.WORDS.get(random.nextInt(TinyCheckpoints.WORDS.size()))).append(' ');
            }
            rows.add(RowFactory.create("r" + i, text.toString().strip()));
        }
        StructType schema = new StructType().add("id", DataTypes.StringType).add("review", DataTypes.StringType);
        reviews = spark.createDataFrame(rows, schema).repartition(2);
    }

    private static BertInference inference(int batchSize) {
        return new BertInference().setCheckpoint(classifier.toString()).setTextCol("review").setBatchSize(batchSize)
                .setMeterConf(FAST_METER);
    }

    private static List<PartitionMeasurement> measure(BertInference inference, Dataset<Row> rows) {
        org.apache.spark.util.CollectionAccumulator<PartitionMeasurement> measured =
                spark.sparkContext().collectionAccumulator("partitions");
        assertEquals(rows.count(), inference.transformMeasured(rows, measured).count(), "every row out once");
        return measured.value();
    }

    private static Map<String, Row> byId(Dataset<Row> scored) {
        Map<String, Row> out = new HashMap<>();
        for (Row row : scored.collectAsList()) {
            out.put(row.getAs("id"), row);
        }
        return out;
    }

    @Test
    void everyRow_getsItsPredictionAndItsShareOfTheMeteredEnergy() {
        Dataset<Row> scored = inference(8).transform(reviews);
        List<Row> rows = scored.collectAsList();
        assertEquals(60, rows.size());
        double joules = 0;
        for (Row row : rows) {
            assertTrue(List.of("negative", "positive").contains(row.<String>getAs("prediction")), row.toString());
            assertEquals(row.<String>getAs("prediction"), List.of("negative", "positive").get(row.<Integer>getAs("prediction_index")));
            assertTrue(row.<Integer>getAs("inference_batch_size") <= 8);
            assertTrue(row.<Integer>getAs("inference_tokens") <= row.<Integer>getAs("inference_seq_len"));
            assertTrue(row.<Double>getAs("inference_joules") >= 0 && row.<Double>getAs("inference_seconds") > 0, row.toString());
            assertTrue(row.<String>getAs("inference_energy_source").startsWith("cpu="), row.toString());
            assertEquals("cpu()", row.<String>getAs("inference_device"));
            joules += row.<Double>getAs("inference_joules");
        }
        assertTrue(joules > 0, "the partitions used the CPU, so the meter saw energy");
        // Each batch's energy is split evenly over its rows.
        for (Row batch : scored.groupBy("inference_batch").agg(
                org.apache.spark.sql.functions.countDistinct("inference_joules").as("values"),
                org.apache.spark.sql.functions.count("*").as("rows"),
                org.apache.spark.sql.functions.first("inference_batch_size").as("size")).collectAsList()) {
            assertEquals(1L, batch.<Long>getAs("values"));
            assertEquals((long) batch.<Integer>getAs("size"), batch.<Long>getAs("rows"));
        }
    }

    @Test
    void eachPartition_handsBackItsWindowBatchesAndSamples() {
        org.apache.spark.util.CollectionAccumulator<PartitionMeasurement> measured =
                spark.sparkContext().collectionAccumulator("partitions");
        List<Row> rows = inference(8).transformMeasured(reviews, measured).collectAsList();
        List<PartitionMeasurement> partitions = measured.value();
        assertEquals(2, partitions.size(), "one measurement per partition");
        Map<String, Double> rowJoulesByBatch = new HashMap<>();
        rows.forEach(row -> rowJoulesByBatch.merge(row.getAs("inference_batch"), row.<Double>getAs("inference_joules"), Double::sum));
        long rowCount = 0;
        for (PartitionMeasurement partition : partitions) {
            rowCount += partition.rows();
            double batchSeconds = 0;
            for (BatchMeasurement batch : partition.batches()) {
                assertTrue(batch.batch().startsWith(partition.partition() + "-b"), batch.toString());
                // The rows carry their first-pass batch's energy in equal shares; repeated batches output no row.
                if (batch.pass() == 1) {
                    assertEquals(batch.joules(), rowJoulesByBatch.get(batch.batch()), 1e-9, batch.batch());
                } else {
                    assertTrue(!rowJoulesByBatch.containsKey(batch.batch()), batch.batch());
                }
                assertTrue(batch.tokensReal() <= batch.tokensPadded(), batch.toString());
                assertTrue(batch.joules() >= 0, batch.toString());
                batchSeconds += batch.seconds();
            }
            // The window also holds model loading, which no batch does. (Compared in time, not energy: on
            // this CPU the energy is a TDP estimate from 10 ms CPU ticks, too coarse for windows this short.)
            assertTrue(partition.window().durationSeconds() >= batchSeconds, partition.window() + " vs " + batchSeconds + " s");
            assertTrue(partition.window().totalJoules() > 0, partition.window().toString());
            // The batches' own window lies inside the partition's and holds every batch.
            Measurement batches = partition.batchesWindow();
            assertTrue(!batches.startedAt().isBefore(partition.window().startedAt()), batches + " in " + partition.window());
            assertTrue(!batches.endedAt().isAfter(partition.window().endedAt()), batches + " in " + partition.window());
            assertTrue(batches.durationSeconds() >= batchSeconds, batches + " vs " + batchSeconds + " s");
            assertTrue(batches.totalJoules() <= partition.window().totalJoules(), batches + " in " + partition.window());
            assertTrue(partition.modelParams() > 0);
            assertEquals("cpu()", partition.device());
            assertTrue(!partition.samples().isEmpty(), "the meter sampled power over the window");
            assertEquals(partition.rows() * partition.passes(), partition.examples(), "every pass predicts every row");
            assertEquals(batches.totalJoules() / partition.examples(), partition.joulesPerExample(), 1e-12);
        }
        assertEquals(60, rowCount);
    }

    @Test
    void aShortPass_isRepeatedUntilTheBatchesSpanTenSampleIntervals() {
        // 30 rows of a one-layer model at batch 8 take milliseconds: far less than 10 intervals of 50 ms.
        Duration interval = Duration.ofMillis(50);
        List<PartitionMeasurement> partitions = measure(inference(8).setMeterConf("ftenergy.meter.sample-interval = 50ms"), reviews);
        assertEquals(2, partitions.size());
        for (PartitionMeasurement partition : partitions) {
            assertRepeatedJustLongEnough(partition, interval);
            assertTrue(partition.passes() > 1, partition.passes() + " passes over " + partition.rows() + " rows");
            // Every pass is the first pass's batches again, with the same work.
            List<BatchMeasurement> first = partition.batches().stream().filter(b -> b.pass() == 1).toList();
            for (int pass = 2; pass <= partition.passes(); pass++) {
                int p = pass;
                List<BatchMeasurement> again = partition.batches().stream().filter(b -> b.pass() == p).toList();
                assertEquals(first.stream().map(b -> List.of(b.size(), b.seqLen(), (int) b.tokensReal())).toList(),
                        again.stream().map(b -> List.of(b.size(), b.seqLen(), (int) b.tokensReal())).toList(), "pass " + pass);
            }
        }
    }

    @Test
    void aPassLongerThanTenSampleIntervals_coversTheRowsOnce() {
        // 60 rows one at a time, tokenized, in one partition: far longer than 10 intervals of 1 ms.
        Duration interval = Duration.ofMillis(1);
        List<PartitionMeasurement> partitions = measure(inference(1).setMeterConf("ftenergy.meter.sample-interval = 1ms"),
                reviews.coalesce(1));
        PartitionMeasurement partition = partitions.get(0);
        assertRepeatedJustLongEnough(partition, interval);
        assertEquals(1, partition.passes(), partition.batchesWindow().toString());
        assertEquals(60, partition.examples());
    }

    /**
     * The batches' window spans at least 10 sample intervals, and every pass but the last ended
     * before that: no pass more than needed. (Batch end times are wall-clock instants, the window's
     * start too; they are compared to the microsecond.)
     */
    private static void assertRepeatedJustLongEnough(PartitionMeasurement partition, Duration interval) {
        Duration shortest = interval.multipliedBy(10);
        Measurement batches = partition.batchesWindow();
        assertTrue(batches.durationSeconds() >= shortest.toNanos() / 1e9, batches + " shorter than " + shortest);
        for (int pass = 1; pass < partition.passes(); pass++) {
            int p = pass;
            Instant passEnd = partition.batches().stream().filter(b -> b.pass() == p).reduce((a, b) -> b).orElseThrow().endedAt();
            assertTrue(Duration.between(batches.startedAt(), passEnd).compareTo(shortest.plusMillis(1)) < 0,
                    "pass " + pass + " ended " + Duration.between(batches.startedAt(), passEnd) + " into the window, past "
                            + shortest + ": it needed no repeat");
        }
        assertEquals(partition.passes(), partition.batches().get(partition.batches().size() - 1).pass());
    }

    @Test
    void predictions_doNotDependOnBatchSize() {
        Map<String, Row> alone = byId(inference(1).transform(reviews));
        Map<String, Row> batched = byId(inference(16).transform(reviews));
        assertEquals(alone.keySet(), batched.keySet());
        for (String id : alone.keySet()) {
            assertEquals(alone.get(id).<String>getAs("prediction"), batched.get(id).<String>getAs("prediction"), id);
            assertEquals(alone.get(id).<Double>getAs("prediction_score"), batched.get(id).<Double>getAs("prediction_score"), 1e-4, id);
            assertEquals(1, alone.get(id).<Integer>getAs("inference_batch_size"));
        }
    }

    @Test
    void tokenIds_predictLikeTheTextsTheyCameFrom() throws Exception {
        List<Row> rows = new ArrayList<>();
        try (TextTokenizer tokenizer = TextTokenizer.load(classifier.resolve("tokenizer.json"), 128)) {
            for (Row row : reviews.collectAsList()) {
                Encoded e = tokenizer.encode(row.getString(1));
                rows.add(RowFactory.create(row.getString(0), toList(e.ids()), toList(e.typeIds())));
            }
        }
        StructType schema = new StructType().add("id", DataTypes.StringType)
                .add("input_ids", DataTypes.createArrayType(DataTypes.IntegerType))
                .add("type_ids", DataTypes.createArrayType(DataTypes.IntegerType));
        Dataset<Row> examples = spark.createDataFrame(rows, schema);
        Map<String, Row> fromIds = byId(new BertInference().setCheckpoint(classifier.toString()).setInputIdsCol("input_ids")
                .setTypeIdsCol("type_ids").setBatchSize(4).transform(examples));
        Map<String, Row> fromText = byId(inference(4).transform(reviews));
        for (String id : fromText.keySet()) {
            assertEquals(fromText.get(id).<String>getAs("prediction"), fromIds.get(id).<String>getAs("prediction"), id);
        }
    }

    private static List<Integer> toList(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    @Test
    void wrongColumnsAndCheckpoints_failBeforeAnyJobNamingWhatIsWrong() throws Exception {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> inference(1).setTextCol("text").transform(reviews));
        assertTrue(missing.getMessage().startsWith("textCol: no column 'text' in struct<id:string,review:string>"), missing.getMessage());
        IllegalArgumentException mistyped = assertThrows(IllegalArgumentException.class,
                () -> inference(1).setInputIdsCol("review").transform(reviews));
        assertTrue(mistyped.getMessage().contains("column 'review' is string, expected array<int>"), mistyped.getMessage());
        Path pretrained = TinyCheckpoints.write(dir, "pretrained", TaskHead.maskedLm());
        IllegalArgumentException mlm = assertThrows(IllegalArgumentException.class,
                () -> new BertInference().setCheckpoint(pretrained.toString()).transform(reviews));
        assertTrue(mlm.getMessage().contains("stores a masked-LM head; inference needs a fine-tuned checkpoint"), mlm.getMessage());
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
                () -> inference(1).setPredictionCol("review").transformSchema(reviews.schema()));
        assertTrue(clash.getMessage().contains("input already has a column 'review'"), clash.getMessage());
    }

    @Test
    void aNullText_failsTheTaskNamingRowAndColumn() {
        Dataset<Row> withNull = reviews.limit(5).union(spark.createDataFrame(
                List.of(RowFactory.create("r-null", null)), reviews.schema())).coalesce(1);
        SparkException failed = assertThrows(SparkException.class, () -> inference(2).transform(withNull).collectAsList());
        String message = String.valueOf(failed.getMessage()) + " " + String.valueOf(failed.getCause());
        assertTrue(message.contains("row 6 of partition p0-a0: column 'review' is null"), message);
    }

    @Test
    void savedTransformer_loadsWithItsParams() throws Exception {
        String path = dir.resolve("saved-inference").toString();
        inference(5).setPredictionCol("sentiment").write().overwrite().save(path);
        BertInference loaded = BertInference.load(path);
        assertEquals(5, loaded.getBatchSize());
        assertEquals(classifier.toString(), loaded.getCheckpoint());
        assertEquals(60, loaded.transform(reviews).where(col("sentiment").isNotNull()).count());
    }
}
