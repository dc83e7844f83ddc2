package ftenergy.sweep;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import ftenergy.config.AppSettings;
import ftenergy.config.ConfigReader;
import ftenergy.config.LayeredConfig;
import ftenergy.lake.LakeTables;
import ftenergy.lake.Lakehouse;
import ftenergy.lake.LakehouseSession;
import ftenergy.lake.TestSpark;
import ftenergy.plan.SweepSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep over a task declared only in the sweep's own configuration (CSV files in a folder, a
 * corpus of its own, a vocab.txt): prepared, pre-trained on, fine-tuned and measured in inference
 * on local Spark, every run recorded under the declared task's name. Nothing of the stand-ins or
 * their npm corpora is needed.
 */
class DeclaredTaskSweepTest {

    static final Path VOCAB = Path.of("../common/src/test/resources/fixtures/bert/vocab.txt").toAbsolutePath().normalize();
    static final List<String> WORDS = List.of("the", "cat", "sat", "on", "mat", "dog", "run", "hello", "world", "melville",
            "wrote", "it", "was", "written", "by", "in", "who", "paris");

    @TempDir
    static Path dir;

    static SparkSession spark;
    static Lakehouse lake;
    static String log;

    @BeforeAll
    static void runSweep() throws Exception {
        spark = TestSpark.session();
        Files.writeString(dir.resolve("train.csv"), reviews(24, 0));
        Files.writeString(dir.resolve("dev.csv"), reviews(8, 100));
        Files.writeString(dir.resolve("corpus.csv"), "passage\n" + String.join("\n", sentences(40, 7)) + "\n");
        Path conf = dir.resolve("sweep.conf");
        Files.writeString(conf, """
                ftenergy {
                  lakehouse = "%1$s/lakehouse"
                  checkpoints = "%1$s/checkpoints"
                  reports = "%1$s/reports"
                  data-dir = "%1$s/data"
                  meter.sample-interval = 200ms
                  tasks {
                    my-reviews {
                      type = single-classification
                      format = csv
                      train = "%1$s/train.csv"
                      validation = "%1$s/dev.csv"
                      columns { text = "review", label = "stars" }
                      labels = ["1", "2", "3", "4", "5"]
                    }
                    my-corpus { type = masked-lm, format = csv, train = "%1$s/corpus.csv", columns { text = passage } }
                  }
                  sweep {
                    id = declared
                    corpus = my-corpus
                    tokenizer { vocab-file = "%2$s", lowercase = true }
                    teacher { layers = 2, hidden = 32, heads = 2, intermediate = 64 }
                    pretrain { steps = 2, batch-size = 4, max-seq-len = 32 }
                    distill.enabled = false
                    finetune {
                      tasks = [my-reviews]
                      models = [teacher]
                      grid { lr = [1e-3], batch-size = [4], epochs = [1], max-seq-len = [32] }
                      seeds = [1]
                      max-steps = 3
                    }
                    inference { batch-sizes = [2], max-examples = 4 }
                    eval-every-steps = 2
                  }
                }
                """.formatted(dir, VOCAB));
        Config config = LayeredConfig.load(conf, Map.of(), Map.of());
        ConfigReader in = new ConfigReader(config);
        AppSettings app = AppSettings.read(in);
        SweepSettings sweep = SweepSettings.read(in);
        in.finish();
        lake = LakehouseSession.attach(spark, app);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SweepOutcome outcome = SweepJob.run(lake, config, app, sweep, new PrintStream(printed, true));
        log = printed.toString();
        assertEquals(0, outcome.failed(), log);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    /** {@code n} reviews of words the fixture vocabulary knows, stars 1..5. */
    static String reviews(int n, int seed) {
        List<String> lines = new ArrayList<>(List.of("review,stars"));
        List<String> texts = sentences(n, seed);
        for (int i = 0; i < n; i++) {
            lines.add("\"" + texts.get(i) + "\"," + (1 + (i + seed) % 5));
        }
        return String.join("\n", lines) + "\n";
    }

    static List<String> sentences(int n, int seed) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 4 + (i + seed) % 6; w++) {
                text.append(w == 0 ? "" : " ").append(WORDS.get((i * 7 + w * 3 + seed) % WORDS.size()));
            }
            out.add(text.toString());
        }
        return out;
    }

    @Test
    void everyRun_isRecordedUnderTheDeclaredTask() {
        List<Row> runs = lake.read(LakeTables.RUNS).orderBy("kind").collectAsList();
        assertEquals(List.of("finetune", "inference", "pretrain"), runs.stream().map(r -> r.<String>getAs("kind")).toList(), log);
        for (Row run : runs) {
            assertEquals("succeeded", run.getAs("status"), run.toString());
            assertEquals(run.<String>getAs("kind").equals("pretrain") ? "my-corpus" : "my-reviews", run.getAs("task"), run.toString());
        }
    }

    @Test
    void fineTune_trainsOnTheDeclaredTrainingFile() {
        Row finetune = lake.read(LakeTables.RUNS).where(col("kind").equalTo("finetune")).first();
        assertEquals(3L, finetune.<Long>getAs("steps"), finetune.toString());
        assertEquals(12L, finetune.<Long>getAs("examples"), "3 steps of 4 of the file's 24 reviews");
        assertTrue(lake.read(LakeTables.EVALS).where(col("run_id").equalTo(finetune.<String>getAs("run_id"))
                .and(col("metric_name").equalTo("accuracy"))).count() > 0);
    }

    @Test
    void inference_predictsTheDeclaredValidationFile() {
        Row inference = lake.read(LakeTables.RUNS).where(col("kind").equalTo("inference")).first();
        // Its 4 validation examples in two batches of two, per pass; passes repeat until the measurement spans 10 samples.
        long passes = inference.<Integer>getAs("passes");
        assertTrue(passes >= 1, inference.toString());
        assertEquals(4L * passes, inference.<Long>getAs("examples"), inference.toString());
        assertEquals(2L * passes, inference.<Long>getAs("steps"), "two batches of two, every pass");
        assertEquals("accuracy", inference.getAs("metric_name"));
    }

    @Test
    void examples_holdTheDeclaredTasksTwoFiles() {
        List<Row> splits = lake.read(LakeTables.EXAMPLES).where(col("task").equalTo("my-reviews")).groupBy("split").count()
                .orderBy("split").collectAsList();
        assertEquals("[[train,24], [validation,8]]", splits.toString());
        Row example = lake.read(LakeTables.EXAMPLES).where(col("task").equalTo("my-reviews")).first();
        assertEquals(List.of("1", "2", "3", "4", "5"), example.getList(example.fieldIndex("label_names")));
    }
}
