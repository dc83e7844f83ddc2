package ftenergy.metrics;

import static ftenergy.metrics.DeliveryOutboxTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigRenderOptions;
import ftenergy.attempt.AttemptInputs;
import ftenergy.attempt.RunAttempt;
import ftenergy.attempt.SweepProvenance;
import ftenergy.attempt.TaskData;
import ftenergy.config.AppSettings;
import ftenergy.config.LayeredConfig;
import ftenergy.data.Example;
import ftenergy.data.TaskInfo;
import ftenergy.data.TaskType;
import ftenergy.inference.BatchMeasurement;
import ftenergy.inference.BertInference;
import ftenergy.inference.PartitionMeasurement;
import ftenergy.lake.LakehouseSession;
import ftenergy.live.AttemptIdentity;
import ftenergy.live.LiveAttempt;
import ftenergy.live.LiveDelivery;
import ftenergy.live.NewDeliveries;
import ftenergy.meter.EnergyUnit;
import ftenergy.meter.PowerSample;
import ftenergy.model.TaskHead;
import ftenergy.predict.TinyCheckpoints;
import ftenergy.provenance.RuntimeVersions;
import ftenergy.run.AttemptResult;
import ftenergy.run.Hyperparameters;
import ftenergy.run.ModelSpec;
import ftenergy.run.RunKind;
import ftenergy.run.RunSpec;
import ftenergy.run.RunStatus;
import ftenergy.sparktask.TaskAttemptNumber;
import ftenergy.sweep.ClusterCapacity;
import ftenergy.sweep.RunWork;
import ftenergy.sweep.SparkRunLauncher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin in a real local Spark session built as a sweep builds it: its gauges scraped through
 * Spark's own PrometheusServlet sink over HTTP, and the deliveries of a tiny training run (through
 * {@link RunAttempt} in a Spark task) received by the driver. The run is held at its first step
 * until the test has seen it live, so nothing depends on how fast this machine trains.
 */
class EnergyPluginTest {

    private static final String RUN_ID = "0123456789abcdef";
    private static final String PREFIX = "metrics_ftenergy_driver_plugin_ftenergy_metrics_EnergyPlugin_";
    private static final Duration DELIVERY_INTERVAL = Duration.ofMillis(200);
    private static final CountDownLatch FIRST_STEP = new CountDownLatch(1);
    private static final CountDownLatch RESUME = new CountDownLatch(1);

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static String scrapeUrl;

    @BeforeAll
    static void startSession() {
        LeftoverSpark.stop();
        AppSettings settings = new AppSettings(dir.toString(), dir, dir, dir, "energy-plugin-test", Map.of(), null,
                "energy_plugin_test", DELIVERY_INTERVAL);
        spark = LakehouseSession.builder(settings)
                .master("local[2]")
                .config("spark.ui.enabled", "true")
                .config("spark.ui.port", "0")
                .config("spark.ui.prometheus.enabled", "true")
                .config("spark.metrics.namespace", "ftenergy")
                .config("spark.metrics.conf.*.sink.prometheusServlet.class", "org.apache.spark.metrics.sink.PrometheusServlet")
                .config("spark.metrics.conf.*.sink.prometheusServlet.path", "/metrics/prometheus")
                .getOrCreate();
        // the servlet answers its path with a redirect to the path and a slash
        scrapeUrl = spark.sparkContext().uiWebUrl().get() + "/metrics/prometheus/";
    }

    @AfterAll
    static void stopSession() {
        RESUME.countDown();
        spark.stop();
    }

    @Test
    void sweepSession_enablesThePluginWithTheConfiguredInterval() {
        assertTrue(List.of(spark.conf().get(EnergyPlugin.PLUGINS).split(",")).contains(EnergyPlugin.class.getName()));
        assertEquals("200ms", spark.conf().get(EnergyPlugin.DELIVERY_INTERVAL));
    }

    @Test
    void noRunInFlight_gaugesReadZero_nothingIsDelivered_jobsRunAsUsual() throws Exception {
        List<LiveDelivery> received = Collections.synchronizedList(new ArrayList<>());
        try (LiveDeliveries.Subscription s = LiveDeliveries.subscribe(received::add)) {
            assertEquals(1000, spark.range(1000).count());
            // several intervals: absence cannot be waited for, only given the time to show
            TimeUnit.MILLISECONDS.sleep(5 * DELIVERY_INTERVAL.toMillis());
            Map<String, Double> gauges = scrape();
            // local mode: the executor side runs in the driver's JVM, so its gauges are under executor id "driver"
            assertEquals(EnergyGauges.NAMES.stream().map(EnergyPluginTest::promName).sorted().toList(),
                    gauges.keySet().stream().sorted().toList(), "every gauge exported");
            gauges.forEach((name, value) -> assertEquals(0.0, value, name));
            assertTrue(received.isEmpty(), received.toString());
        }
    }

    @Test
    void trainingRun_liveInTheScrapedGauges_deliveredInSequenceWithTheLastMarked_repeatsRecognisable() throws Exception {
        List<LiveDelivery> received = Collections.synchronizedList(new ArrayList<>());
        boolean[] refusedOnce = {false};
        AttemptResult result;
        try (LiveDeliveries.Subscription all = LiveDeliveries.subscribe(received::add);
                LiveDeliveries.Subscription refusing = LiveDeliveries.subscribe(d -> {
                    // the driver does not acknowledge the first delivery: the executor must send it again
                    if (!refusedOnce[0]) {
                        refusedOnce[0] = true;
                        throw new IllegalStateException("first delivery refused on purpose");
                    }
                })) {
            CompletableFuture<AttemptResult> run = CompletableFuture.supplyAsync(EnergyPluginTest::launchTinyRun);
            try {
                assertTrue(FIRST_STEP.await(5, TimeUnit.MINUTES), "the run reached its first step");
                assertTrue(LiveAttempt.inFlight().isPresent(), "local mode: the task runs in this JVM");
                Map<String, Double> live = scrapeUntil(g -> g.get(promName("tokens_padded_per_second")) > 0
                        && g.get(promName("cpu.watts")) > 0);
                assertEquals(1.0, live.get(promName("attempt.in_flight")));
                assertEquals(1.0, live.get(promName("attempt.number")));
                assertEquals(0.0, live.get(promName("attempt.task_attempt")));
                assertEquals((double) 0x0123456789abcL, live.get(promName("attempt.run_id_prefix")));
                assertEquals(1.0, live.get(promName("steps")));
                assertTrue(live.get(promName("tokens_padded")) > 0, live.toString());
                assertTrue(live.get(promName("cpu.joules")) > 0, live.toString());
                assertTrue(live.get(promName("ram.watts")) > 0, live.toString());
                assertEquals(0.0, live.get(promName("gpu.watts")), "no GPU");
                waitFor(() -> new ArrayList<>(received).stream().map(LiveDelivery::sequence).distinct().count() >= 3,
                        "three deliveries while the run is in flight");
            } finally {
                RESUME.countDown();
            }
            result = run.get(5, TimeUnit.MINUTES);
            waitFor(() -> new ArrayList<>(received).stream().anyMatch(LiveDelivery::last), "the last delivery");
        }
        assertEquals(RunStatus.SUCCEEDED, result.run().status(), String.valueOf(result.run().error()));
        List<LiveDelivery> arrived = new ArrayList<>(received);
        assertEquals(arrived.get(0).key(), arrived.get(1).key(), "the refused first delivery arrived again");
        NewDeliveries seen = new NewDeliveries();
        List<LiveDelivery> firsts = arrived.stream().filter(seen::firstArrival).toList();
        for (int i = 0; i < firsts.size(); i++) {
            LiveDelivery d = firsts.get(i);
            assertEquals(i + 1, d.sequence(), "in sequence");
            assertEquals(i == firsts.size() - 1, d.last(), "only the last is marked");
            assertEquals(RUN_ID, d.attempt().runId());
            assertEquals("plugin-test", d.attempt().sweepId());
            assertEquals(1, d.attempt().attempt());
            assertEquals(0, d.taskAttempt());
            assertEquals(result.run().host().host(), d.host());
        }
        LiveDelivery last = firsts.get(firsts.size() - 1);
        assertEquals(result.run().work().steps(), last.progress().steps());
        assertEquals(result.run().work().tokensPadded(), last.progress().tokensPadded());
        assertEquals(result.run().energy().cpuSource(), last.provenance().get("cpu"));
        // the run's window opened right after its meter: the last delivery holds it all
        double runJoules = EnergyUnit.kwhToJoules(result.run().energy().kwh());
        assertTrue(last.energy().totalJoules() >= runJoules, last.energy() + " vs the run's " + runJoules + " J");
        List<PowerSample> delivered = firsts.stream().flatMap(d -> d.samples().stream()).toList();
        assertEquals(result.samples().subList(0, delivered.size()), delivered, "delivered samples are the run's, in order");
        long inWindow = result.samples().stream().filter(s -> !s.at().isAfter(result.run().endedAt())).count();
        assertTrue(delivered.size() >= inWindow, "every sample of the run's window delivered: " + delivered.size() + " of " + inWindow);

        Map<String, Double> after = scrapeUntil(g -> g.get(promName("attempt.in_flight")) == 0);
        after.forEach((name, value) -> assertEquals(0.0, value, name + " once the run ended"));
    }

    @Test
    void sweepInferencePartition_isLiveWhileItRuns_andDeliversEveryBatchWithTheLastMarked() throws Exception {
        Path classifier = TinyCheckpoints.write(dir, "classifier",
                new TaskHead(TaskType.SEQUENCE_CLASSIFICATION, List.of("negative", "positive")));
        Random random = new Random(3);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            rows.add(RowFactory.create("r" + i, String.join(" ", random.ints(1 + random.nextInt(12), 0, TinyCheckpoints.WORDS.size())
                    .mapToObj(TinyCheckpoints.WORDS::get).toList())));
        }
        Dataset<Row> reviews = spark.createDataFrame(rows, new StructType().add("id", DataTypes.StringType)
                .add("review", DataTypes.StringType)).coalesce(1);
        AttemptIdentity attempt = new AttemptIdentity("fedcba9876543210", "plugin-test", 2);
        CollectionAccumulator<PartitionMeasurement> measured = spark.sparkContext().collectionAccumulator("inference");
        List<LiveDelivery> received = Collections.synchronizedList(new ArrayList<>());
        try (LiveDeliveries.Subscription s = LiveDeliveries.subscribe(received::add)) {
            new BertInference().setCheckpoint(classifier.toString()).setTextCol("review").setBatchSize(4)
                    .setMeterConf("ftenergy.meter.sample-interval = 20ms")
                    .transformMeasured(reviews, measured, attempt).collectAsList();
            waitFor(() -> new ArrayList<>(received).stream().anyMatch(LiveDelivery::last), "the partition's last delivery");
        }
        PartitionMeasurement partition = measured.value().get(0);
        NewDeliveries seen = new NewDeliveries();
        List<LiveDelivery> firsts = new ArrayList<>(received).stream().filter(seen::firstArrival).toList();
        for (int i = 0; i < firsts.size(); i++) {
            assertEquals(i + 1, firsts.get(i).sequence());
            assertEquals(i == firsts.size() - 1, firsts.get(i).last());
            assertEquals(attempt, firsts.get(i).attempt());
        }
        LiveDelivery last = firsts.get(firsts.size() - 1);
        assertEquals(5, partition.batches().stream().filter(b -> b.pass() == 1).count(), "batches of 4 of 18 rows in a pass");
        assertEquals(partition.batches().size(), last.progress().steps(), "one step per batch, every pass");
        assertEquals(partition.batches().stream().mapToLong(BatchMeasurement::tokensPadded).sum(), last.progress().tokensPadded());
        List<PowerSample> delivered = firsts.stream().flatMap(d -> d.samples().stream()).toList();
        // the meter may sample once more between the last delivery and the partition's own copy of its timeline
        assertEquals(partition.samples().subList(0, delivered.size()), delivered);
        long inWindow = partition.samples().stream().filter(x -> !x.at().isAfter(partition.window().endedAt())).count();
        assertTrue(delivered.size() >= inWindow, "every sample of the partition's window: " + delivered.size() + " of " + inWindow);
        assertTrue(LiveAttempt.inFlight().isEmpty());
    }

    /** The run as a sweep launches it: one Spark job of one task. */
    private static AttemptResult launchTinyRun() {
        RunSpec spec = new RunSpec(RUN_ID, "plugin-test", RunKind.FINETUNE, "toy", new ModelSpec("bert-toy", 2, 32, 2, 64, "scratch"),
                new Hyperparameters(1e-3, 8, 0, 12, 32, 0.1, 0.01, false), 1, 0, List.of(), null);
        String config = LayeredConfig.load(null, Map.of(), Map.of("ftenergy.meter.sample-interval", "50ms"))
                .root().render(ConfigRenderOptions.concise());
        AttemptInputs inputs = new AttemptInputs(spec, 1, dir.resolve("checkpoints").toString(), false, null, 200, 6, config,
                new SweepProvenance("test", "hash", "tok", RuntimeVersions.jvm()));
        TaskInfo info = new TaskInfo("toy", TaskType.SEQUENCE_CLASSIFICATION, List.of("neg", "pos"), "a test");
        TaskData data = new TaskData(info, examples("train", 48, 1), examples("eval", 16, 2));
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SparkRunLauncher launcher = new SparkRunLauncher(context, ClusterCapacity.of(spark.sparkContext()),
                (s, attempt) -> work(inputs, data));
        return launcher.launch(spec, 1).result();
    }

    private static RunWork work(AttemptInputs inputs, TaskData data) {
        return gpus -> RunAttempt.execute(inputs, () -> data, gpus, TaskAttemptNumber.current(), EnergyPluginTest::holdAtFirstStep);
    }

    /** The run's progress lines: the first comes at step 1, where the run waits for the test. */
    private static void holdAtFirstStep(String line) {
        FIRST_STEP.countDown();
        try {
            RESUME.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Label 1 when a sentence holds a token of 10..19, 0 when one of 20..29; fillers from 30..99. */
    private static List<Example> examples(String split, int count, long seed) {
        Random random = new Random(seed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(2);
            int length = 4 + random.nextInt(12);
            int[] ids = new int[length];
            ids[0] = 101;
            ids[length - 1] = 102;
            for (int k = 1; k < length - 1; k++) {
                ids[k] = 30 + random.nextInt(70);
            }
            ids[1 + random.nextInt(length - 2)] = (label == 1 ? 10 : 20) + random.nextInt(10);
            out.add(new Example("toy", split, split + "-" + i, ids, new int[length], label, new int[0], -1, -1));
        }
        return out;
    }

    /** The name Spark's PrometheusServlet gives a gauge of the plugin's executor side in local mode. */
    private static String promName(String gauge) {
        return PREFIX + gauge.replaceAll("[^a-zA-Z0-9]", "_") + "_Value";
    }

    private interface Condition {
        boolean holds(Map<String, Double> gauges);
    }

    private static Map<String, Double> scrapeUntil(Condition condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        Map<String, Double> gauges = scrape();
        while (!condition.holds(gauges)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up scraping " + scrapeUrl + "; last: " + gauges);
            }
            TimeUnit.MILLISECONDS.sleep(50);
            gauges = scrape();
        }
        return gauges;
    }

    /** The plugin's gauges as the PrometheusServlet serves them ({@code name{type="gauges"} value} lines). */
    private static Map<String, Double> scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(scrapeUrl)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        Map<String, Double> gauges = new LinkedHashMap<>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith(PREFIX) && line.contains("_Value{type=\"gauges\"}")) {
                String[] parts = line.split(" ");
                gauges.put(parts[0].substring(0, parts[0].indexOf('{')), Double.parseDouble(parts[parts.length - 1]));
            }
        }
        assertFalse(gauges.isEmpty(), "no gauge of the plugin in:\n" + response.body());
        return gauges;
    }
}
