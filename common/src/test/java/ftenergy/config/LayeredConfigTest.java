package ftenergy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    void severalFiles_areLayeredInOrder_laterOverridingEarlier() throws IOException {
        Path first = dir.resolve("first.conf");
        Path second = dir.resolve("second.conf");
        Files.writeString(first, "ftenergy { lakehouse = first, reports = first-reports }");
        Files.writeString(second, "ftenergy.lakehouse = second");
        Config config = LayeredConfig.load(List.of(first, second), Map.of(), Map.of(), Map.of());
        assertEquals("second", config.getString("ftenergy.lakehouse"));
        assertEquals("first-reports", config.getString("ftenergy.reports"));
        assertTrue(config.getValue("ftenergy.lakehouse").origin().description().contains("second.conf"));
    }

    @Test
    void everyMissingFile_isNamedAtOnce() {
        ConfigError error = assertThrows(ConfigError.class,
                () -> LayeredConfig.load(List.of(dir.resolve("a.conf"), dir.resolve("b.conf")), Map.of(), Map.of(), Map.of()));
        assertEquals(2, error.problems().size(), error.getMessage());
        assertTrue(error.getMessage().contains("a.conf") && error.getMessage().contains("b.conf"), error.getMessage());
    }

    @Test
    void environmentVariable_namesItsKey_doubleUnderscoreBetweenSegments_underscoreForDash() {
        assertEquals("ftenergy.sweep.budget.kwh", EnvironmentLayer.key("FTENERGY_SWEEP__BUDGET__KWH"));
        assertEquals("ftenergy.data-dir", EnvironmentLayer.key("FTENERGY_DATA_DIR"));
        assertEquals("ftenergy.sweep.finetune.max-train-examples", EnvironmentLayer.key("FTENERGY_SWEEP__FINETUNE__MAX_TRAIN_EXAMPLES"));
        assertEquals(null, EnvironmentLayer.key("FTENERGY_SWEEP___BUDGET"), "a third underscore is ambiguous");
        assertEquals(null, EnvironmentLayer.key("FTENERGY_SWEEP__"), "an empty segment names nothing");
        assertEquals(null, EnvironmentLayer.key("FTENERGY_"), "an empty segment names nothing");
    }

    @Test
    void environment_overridesFiles_andTypedValuesAndListsParse() throws IOException {
        Path file = conf("ftenergy { lakehouse = from-file, reports = file-reports }");
        Config config = LayeredConfig.load(List.of(file), Map.of("FTENERGY_LAKEHOUSE", "from-env",
                "FTENERGY_SWEEP__BUDGET__KWH", "2", "FTENERGY_SWEEP__FINETUNE__SEEDS", "[4, 5]", "PATH", "/bin"), Map.of(), Map.of());
        assertEquals("from-env", config.getString("ftenergy.lakehouse"));
        assertEquals("file-reports", config.getString("ftenergy.reports"));
        assertEquals(2.0, config.getDouble("ftenergy.sweep.budget.kwh"));
        assertEquals(List.of(4, 5), config.getIntList("ftenergy.sweep.finetune.seeds"));
        assertEquals("environment variable FTENERGY_LAKEHOUSE", config.getValue("ftenergy.lakehouse").origin().description());
    }

    @Test
    void launcherVariables_areNotConfiguration() {
        Config config = LayeredConfig.load(List.of(), Map.of("FTENERGY_DRIVER_MEMORY", "2g", "FTENERGY_JAR", "x.jar"), Map.of(), Map.of());
        assertEquals("./lakehouse", config.getString("ftenergy.lakehouse"));
    }

    @Test
    void environmentProblems_nameTheVariable_allAtOnce() {
        ConfigError error = assertThrows(ConfigError.class, () -> LayeredConfig.load(List.of(),
                Map.of("FTENERGY_LAKEHUOSE", "x", "FTENERGY_SWEEP__", "y", "FTENERGY_SWEEP__FINETUNE__SEEDS", "[1,"), Map.of(), Map.of()));
        assertEquals(3, error.problems().size(), error.getMessage());
        assertTrue(error.getMessage().contains("ftenergy.lakehuose (environment variable FTENERGY_LAKEHUOSE): unknown key; "
                + "did you mean 'ftenergy.lakehouse'?"), error.getMessage());
        assertTrue(error.getMessage().contains("FTENERGY_SWEEP__ (environment variable FTENERGY_SWEEP__): names no configuration key"),
                error.getMessage());
        assertTrue(error.getMessage().contains("(environment variable FTENERGY_SWEEP__FINETUNE__SEEDS): unparsable value"),
                error.getMessage());
    }

    @Test
    void wrongTypeFromEnvironment_namesTheVariable() {
        Config config = LayeredConfig.load(List.of(), Map.of("FTENERGY_SWEEP__RETRIES", "many"), Map.of(), Map.of());
        ConfigReader in = new ConfigReader(config);
        in.positiveInt("ftenergy.sweep.retries");
        ConfigError error = assertThrows(ConfigError.class, in::finish);
        assertEquals("environment variable FTENERGY_SWEEP__RETRIES", error.problems().get(0).origin());
    }

    @Test
    void commandLineDefine_beatsEnvironment_andFlagBeatsDefine() {
        Map<String, String> environment = Map.of("FTENERGY_LAKEHOUSE", "env", "FTENERGY_REPORTS", "env");
        Config config = LayeredConfig.load(List.of(), environment,
                Map.of("ftenergy.lakehouse", "define", "ftenergy.reports", "define"), Map.of("ftenergy.reports", "flag"));
        assertEquals("define", config.getString("ftenergy.lakehouse"));
        assertEquals("flag", config.getString("ftenergy.reports"));
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
