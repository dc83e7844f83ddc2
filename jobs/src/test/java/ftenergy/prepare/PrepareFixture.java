package ftenergy.prepare;

import ftenergy.config.AppSettings;
import ftenergy.config.ConfigReader;
import ftenergy.config.LayeredConfig;
import ftenergy.lake.Lakehouse;
import ftenergy.lake.LakehouseSession;
import ftenergy.plan.SweepSettings;
import ftenergy.task.TaskDefinition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * A sweep configuration for preparing tasks in tests: its own lakehouse (registered in a database of
 * its own, so several share a Spark session) and data directory under a folder, the fixture
 * vocabulary as tokenizer, a four-line CSV corpus (no npm corpus needed).
 *
 * @param app where it writes
 * @param sweep the sweep, its tasks resolved
 */
record PrepareFixture(AppSettings app, SweepSettings sweep) {

    static final Path FIXTURES = Path.of("../common/src/test/resources/fixtures").toAbsolutePath().normalize();
    static final int MAX_LENGTH = 512;

    /** A sweep called {@code name} under {@code dir}, fine-tuning {@code tasks}, further configured by {@code extra} HOCON. */
    static PrepareFixture of(Path dir, String name, List<String> tasks, String extra) throws IOException {
        Path root = Files.createDirectories(dir.resolve(name));
        Path corpus = root.resolve("corpus.csv");
        Files.writeString(corpus, "text\n\"the cat sat on the mat\"\n\"hello world, it was written by melville\"\n"
                + "the dog sat in paris\nwho wrote it\n");
        Path conf = root.resolve("sweep.conf");
        Files.writeString(conf, """
                ftenergy {
                  lakehouse = "%s"
                  lake.database = "%s"
                  data-dir = "%s"
                  sweep {
                    id = %s
                    corpus = test-corpus
                    tokenizer { vocab-file = "%s", lowercase = true }
                    finetune { tasks = %s, grid.max-seq-len = [%d] }
                  }
                  tasks.test-corpus { type = masked-lm, format = csv, train = "%s", columns { text = text } }
                }
                """.formatted(root.resolve("lake"), "prepare_" + name.replace('-', '_'), root.resolve("data"), name,
                FIXTURES.resolve("bert/vocab.txt"),
                tasks.stream().map(t -> "\"" + t + "\"").toList(), MAX_LENGTH, corpus) + extra);
        ConfigReader in = new ConfigReader(LayeredConfig.load(conf, Map.of(), Map.of()));
        PrepareFixture fixture = new PrepareFixture(AppSettings.read(in), SweepSettings.read(in));
        in.finish();
        return fixture;
    }

    /** Prepares every task of the sweep, the lakehouse's tables created first if missing; returns what it printed. */
    String prepare(SparkSession spark, boolean force) {
        return prepare(LakehouseSession.attach(spark, app), force);
    }

    /** Prepares every task of the sweep into {@code lake} as it is; returns what it printed. */
    String prepare(Lakehouse lake, boolean force) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrepareJob.run(lake, app, sweep, force, new PrintStream(printed, true));
        return printed.toString();
    }

    Lakehouse lake(SparkSession spark) {
        return new Lakehouse(spark, app.lakehouse());
    }

    /** The Table 1 summary of the sweep's tasks as prepared. */
    TaskTable table(SparkSession spark) {
        return TaskTable.read(lake(spark), sweep.tasks().stream().map(TaskDefinition::name).toList());
    }
}
