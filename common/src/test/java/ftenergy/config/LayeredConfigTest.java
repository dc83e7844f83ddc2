package ftenergy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayeredConfigTest {

    @TempDir
    Path dir;

    private Path conf(String text) throws IOException {
        Path file = dir.resolve("user.conf");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void defaults_comeFromReferenceConf() {
        AppSettings settings = read(LayeredConfig.load(null, Map.of(), Map.of()));
        assertEquals("./lakehouse", settings.lakehouse());
    }

    @Test
    void layers_flagsBeatSystemPropertiesBeatFileBeatDefaults() throws IOException {
        Path file = conf("ftenergy { lakehouse = from-file, data-dir = file-data, reports = file-reports }");
        System.setProperty("ftenergy.data-dir", "from-property");
        System.setProperty("ftenergy.reports", "property-reports");
        try {
            AppSettings settings = read(LayeredConfig.load(file, Map.of(), Map.of("ftenergy.reports", "from-flag")));
            assertEquals("from-file", settings.lakehouse());
            assertEquals(Path.of("from-property").toAbsolutePath(), settings.dataDir());
            assertEquals(Path.of("from-flag").toAbsolutePath(), settings.reports());
            assertEquals(Path.of("checkpoints").toAbsolutePath(), settings.checkpoints(), "relative paths resolve here: executors run elsewhere");
        } finally {
            System.clearProperty("ftenergy.data-dir");
            System.clearProperty("ftenergy.reports");
        }
    }

    @Test
    void typo_isRejectedWithFileLineAndNearestKey() throws IOException {
        Path file = conf("ftenergy {\n  lakehouse = x\n  lakehuose = y\n}\n");
        ConfigError error = assertThrows(ConfigError.class, () -> LayeredConfig.load(file, Map.of(), Map.of()));
        ConfigProblem problem = error.problems().get(0);
        assertEquals("ftenergy.lakehuose", problem.key());
        assertTrue(problem.origin().contains("user.conf: 3"), problem.origin());
        assertTrue(problem.message().contains("did you mean 'ftenergy.lakehouse'"), problem.message());
    }

    @Test
    void typoInSystemProperty_isRejected() {
        System.setProperty("ftenergy.lakehuose", "x");
        try {
            ConfigError error = assertThrows(ConfigError.class, () -> LayeredConfig.load(null, Map.of(), Map.of()));
            assertTrue(error.getMessage().contains("did you mean 'ftenergy.lakehouse'"), error.getMessage());
        } finally {
            System.clearProperty("ftenergy.lakehuose");
        }
    }

    @Test
    void wrongType_namesKeyAndLine() throws IOException {
        Path file = conf("ftenergy {\n  spark { app-name = { nested = 1 } }\n}\n");
        ConfigError error = assertThrows(ConfigError.class, () -> read(LayeredConfig.load(file, Map.of(), Map.of())));
        ConfigProblem problem = error.problems().get(0);
        assertEquals("ftenergy.spark.app-name", problem.key());
        assertTrue(problem.origin().contains("user.conf: 2"), problem.origin());
        assertTrue(problem.message().startsWith("wrong type"), problem.message());
    }

    @Test
    void missingKey_saysHowToSetIt() {
        Config config = LayeredConfig.load(null, Map.of(), Map.of()).withoutPath("ftenergy.reports");
        ConfigError error = assertThrows(ConfigError.class, () -> read(config));
        assertEquals("ftenergy.reports", error.problems().get(0).key());
        assertTrue(error.getMessage().contains("missing"), error.getMessage());
    }

    @Test
    void impossibleValue_isReportedWithItsOrigin() throws IOException {
        Path file = conf("ftenergy { batch = -3 }");
        Config config = LayeredConfig.load(null, Map.of(), Map.of()).withFallback(com.typesafe.config.ConfigFactory.parseFile(file.toFile()));
        ConfigReader in = new ConfigReader(config);
        in.positiveInt("ftenergy.batch");
        ConfigError error = assertThrows(ConfigError.class, in::finish);
        assertTrue(error.getMessage().contains("ftenergy.batch (") && error.getMessage().contains("user.conf: 1)"), error.getMessage());
        assertTrue(error.getMessage().contains("must be > 0, was -3"), error.getMessage());
    }

    @Test
    void missingConfFile_isNamed() {
        ConfigError error = assertThrows(ConfigError.class, () -> LayeredConfig.load(dir.resolve("nope.conf"), Map.of(), Map.of()));
        assertTrue(error.getMessage().contains("nope.conf"), error.getMessage());
    }

    @Test
    void sparkConf_acceptsQuotedAndNestedKeys() throws IOException {
        Path file = conf("ftenergy.spark.conf { \"spark.sql.shuffle.partitions\" = 3, spark.ui.enabled = false }");
        AppSettings settings = read(LayeredConfig.load(file, Map.of(), Map.of()));
        assertEquals(Map.of("spark.sql.shuffle.partitions", "3", "spark.ui.enabled", "false"), settings.sparkConf());
    }

    @Test
    void deliveryInterval_defaultsTo30s_andANonPositiveOneIsRefusedWithItsFileLine() throws IOException {
        assertEquals(Duration.ofSeconds(30), read(LayeredConfig.load(null, Map.of(), Map.of())).deliveryInterval());
        assertEquals(AppSettings.DEFAULT_DELIVERY_INTERVAL, read(LayeredConfig.load(null, Map.of(), Map.of())).deliveryInterval(),
                "the code's default is reference.conf's");
        Path file = conf("ftenergy.metrics {\n  delivery-interval = 0s\n}\n");
        ConfigError error = assertThrows(ConfigError.class, () -> read(LayeredConfig.load(file, Map.of(), Map.of())));
        ConfigProblem problem = error.problems().get(0);
        assertEquals("ftenergy.metrics.delivery-interval", problem.key());
        assertTrue(problem.origin().contains("user.conf: 2"), problem.origin());
    }

    private static AppSettings read(Config config) {
        ConfigReader in = new ConfigReader(config);
        AppSettings settings = AppSettings.read(in);
        in.finish();
        return settings;
    }
}
