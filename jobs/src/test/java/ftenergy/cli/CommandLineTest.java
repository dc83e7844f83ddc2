package ftenergy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line itself, through {@link Main}, without Spark: options, exit status, configuration layers. */
class CommandLineTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** The line {@code ftenergy config} prints for {@code key}. */
    private static String line(CliResult result, String key) {
        return result.out().lines().filter(l -> l.startsWith(key + " = ")).findFirst().orElse("(no line for " + key + ")");
    }

    @Test
    void unknownOption_isAUsageError_withTheCommandsUsageOnStderr() {
        CliResult result = CliResult.run("sweep", "--plna");
        assertEquals(2, result.code(), result.printed());
        assertTrue(result.err().contains("Unknown option: '--plna'"), result.printed());
        assertTrue(result.err().contains("--plan"), "suggests the nearest option: " + result.printed());
        assertTrue(result.err().contains("Usage: ftenergy sweep"), result.printed());
        assertEquals("", result.out());
    }

    @Test
    void sparkSubmitOption_afterTheJar_saysWhereItBelongs() {
        CliResult result = CliResult.run("sweep", "--master", "local[2]");
        assertEquals(2, result.code(), result.printed());
        assertTrue(result.err().contains("Spark's options go to spark-submit before the jar"), result.printed());
    }

    @Test
    void invalidOrMissingArguments_areUsageErrors() {
        CliResult notANumber = CliResult.run("bench", "train", "--rounds", "many");
        assertEquals(2, notANumber.code(), notANumber.printed());
        assertTrue(notANumber.err().contains("'many' is not an int"), notANumber.printed());
        CliResult badClock = CliResult.run("bench", "train", "--clock", "sundial");
        assertEquals(2, badClock.code(), badClock.printed());
        assertTrue(badClock.err().contains("expected wall or thread-cpu, was 'sundial'"), badClock.printed());
        CliResult missingOption = CliResult.run("meter", "calibrate", "--wall", "w.csv");
        assertEquals(2, missingOption.code(), missingOption.printed());
        assertTrue(missingOption.err().contains("--runs"), missingOption.printed());
        CliResult missingParameter = CliResult.run("model", "import", "module-only");
        assertEquals(2, missingParameter.code(), missingParameter.printed());
        assertTrue(missingParameter.err().contains("OUT_DIR"), missingParameter.printed());
        CliResult noAction = CliResult.run("lake");
        assertEquals(2, noAction.code(), noAction.printed());
        assertTrue(noAction.err().contains("init, describe, vacuum, optimize, query"), noAction.printed());
        CliResult noCommand = CliResult.run();
        assertEquals(2, noCommand.code(), noCommand.printed());
        assertTrue(noCommand.err().contains("Usage: ftenergy"), noCommand.printed());
    }

    @Test
    void help_isPrintedOnStdout_withStatusZero() {
        CliResult top = CliResult.run("--help");
        assertEquals(0, top.code(), top.printed());
        assertTrue(top.out().contains("Usage: ftenergy [OPTIONS] [COMMAND]"), top.printed());
        assertTrue(top.out().contains("FTENERGY_SWEEP__BUDGET__KWH"), "the overview explains the environment: " + top.printed());
        CliResult command = CliResult.run("lake", "query", "--help");
        assertEquals(0, command.code(), command.printed());
        assertTrue(command.out().contains("Usage: ftenergy lake query [OPTIONS] SQL"), command.printed());
        CliResult viaHelp = CliResult.run("help", "sweep");
        assertEquals(0, viaHelp.code(), viaHelp.printed());
        assertTrue(viaHelp.out().contains("--plan"), viaHelp.printed());
    }

    @Test
    void version_namesFtenergySparkDeltaAndDjl() {
        CliResult result = CliResult.run("--version");
        assertEquals(0, result.code(), result.printed());
        // From classes there is no jar manifest.
        assertEquals("ftenergy dev", result.out().lines().findFirst().orElseThrow());
        assertTrue(result.out().contains("Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION()), result.printed());
        assertTrue(result.out().contains("Delta Lake " + io.delta.package$.MODULE$.VERSION()), result.printed());
        assertTrue(result.out().contains("DJL " + ai.djl.engine.Engine.getDjlVersion()), result.printed());
    }

    @Test
    void configFiles_areLayeredInTheOrderGiven() throws IOException {
        Path base = file("base.conf", "ftenergy { lakehouse = base-lake, reports = base-reports }");
        Path site = file("site.conf", "ftenergy.lakehouse = site-lake");
        CliResult result = CliResult.run("config", "--config", base.toString(), "--config=" + site);
        assertEquals(0, result.code(), result.printed());
        assertTrue(line(result, "ftenergy.lakehouse").startsWith("ftenergy.lakehouse = \"site-lake\"  # " + site), result.printed());
        assertTrue(line(result, "ftenergy.reports").startsWith("ftenergy.reports = \"base-reports\"  # " + base), result.printed());
        CliResult reversed = CliResult.run("--config", site.toString(), "config", "--config", base.toString());
        assertTrue(line(reversed, "ftenergy.lakehouse").contains("\"base-lake\""), "before and after the command name: "
                + reversed.printed());
    }

    @Test
    void defines_beforeAndAfterTheCommandName_allCount() {
        CliResult result = CliResult.run("-Dftenergy.reports=early", "config", "-D", "ftenergy.lakehouse=late",
                "-Dftenergy.spark.conf.spark.driver.extraJavaOptions=-Da=b");
        assertEquals(0, result.code(), result.printed());
        assertTrue(line(result, "ftenergy.reports").contains("\"early\""), result.printed());
        assertTrue(line(result, "ftenergy.lakehouse").contains("\"late\""), result.printed());
        assertTrue(result.out().contains("extraJavaOptions = \"-Da=b\""), "split at the first '=': " + result.printed());
        CliResult noValue = CliResult.run("config", "-Dftenergy.reports");
        assertEquals(2, noValue.code(), noValue.printed());
        assertTrue(noValue.err().contains("-D needs key=value, was 'ftenergy.reports'"), noValue.printed());
    }

    @Test
    void deprecatedConf_stillReadsTheFile_andWarnsOnce() throws IOException {
        Path old = file("old.conf", "ftenergy.lakehouse = old-lake");
        Path newer = file("newer.conf", "ftenergy.reports = newer-reports");
        CliResult result = CliResult.run("config", "--conf", old.toString(), "--config", newer.toString(), "--conf=" + old);
        assertEquals(0, result.code(), result.printed());
        assertTrue(line(result, "ftenergy.lakehouse").contains("\"old-lake\""), result.printed());
        assertTrue(line(result, "ftenergy.reports").contains("\"newer-reports\""), result.printed());
        assertEquals(1, result.err().lines().count(), "one warning line: " + result.printed());
        assertTrue(result.err().contains("--conf FILE is deprecated") && result.err().contains("use --config FILE"), result.printed());
    }

    @Test
    void deprecatedConf_withASparkSetting_saysWhereSparkSettingsGo() {
        CliResult result = CliResult.run("sweep", "--conf", "spark.executor.cores=8");
        assertEquals(2, result.code(), result.printed());
        assertTrue(result.err().contains("--conf spark.executor.cores=8 is a Spark setting, not a file"), result.printed());
        assertTrue(result.err().contains("Spark settings go to spark-submit before the jar"), result.printed());
        assertTrue(result.err().contains("ftenergy's configuration files to --config FILE"), result.printed());
    }

    @Test
    void missingConfigFile_isAConfigurationError_withoutStackTrace() {
        CliResult result = CliResult.run("config", "--config", dir.resolve("absent.conf").toString());
        assertEquals(2, result.code(), result.printed());
        assertTrue(result.err().contains("--config (" + dir.resolve("absent.conf") + "): no such file"), result.printed());
        assertFalse(result.err().contains("\tat "), "no stack trace: " + result.printed());
    }

    @Test
    void environmentVariable_overridesTheFiles() throws IOException {
        Path conf = file("site.conf", "ftenergy { lakehouse = file-lake, sweep.budget.kwh = 5 }");
        CliResult result = CliResult.run(Map.of("FTENERGY_SWEEP__BUDGET__KWH", "2", "FTENERGY_DRIVER_MEMORY", "2g"),
                "config", "--config", conf.toString());
        assertEquals(0, result.code(), result.printed());
        assertEquals("ftenergy.sweep.budget.kwh = \"2\"  # environment variable FTENERGY_SWEEP__BUDGET__KWH",
                line(result, "ftenergy.sweep.budget.kwh"));
        assertTrue(line(result, "ftenergy.lakehouse").contains("\"file-lake\""), result.printed());
    }

    @Test
    void environmentProblems_nameTheVariable() {
        CliResult unknown = CliResult.run(Map.of("FTENERGY_LAKEHUOSE", "x"), "config");
        assertEquals(2, unknown.code(), unknown.printed());
        assertTrue(unknown.err().contains("ftenergy.lakehuose (environment variable FTENERGY_LAKEHUOSE): unknown key; "
                + "did you mean 'ftenergy.lakehouse'?"), unknown.printed());
        CliResult wrongType = CliResult.run(Map.of("FTENERGY_SWEEP__RETRIES", "many"), "config");
        assertEquals(2, wrongType.code(), wrongType.printed());
        assertTrue(wrongType.err().contains("ftenergy.sweep.retries (environment variable FTENERGY_SWEEP__RETRIES)"),
                wrongType.printed());
        assertFalse(wrongType.err().contains("\tat "), "no stack trace: " + wrongType.printed());
    }

    @Test
    void commandLineDefine_beatsEnvironment_andFlagBeatsDefine() {
        CliResult result = CliResult.run(Map.of("FTENERGY_LAKEHOUSE", "env-lake", "FTENERGY_REPORTS", "env-reports"),
                "config", "-Dftenergy.lakehouse=define-lake", "-Dftenergy.reports=define-reports", "--reports", "flag-reports");
        assertEquals(0, result.code(), result.printed());
        assertEquals("ftenergy.lakehouse = \"define-lake\"  # -D on the command line", line(result, "ftenergy.lakehouse"));
        assertEquals("ftenergy.reports = \"flag-reports\"  # command line", line(result, "ftenergy.reports"));
    }
}
