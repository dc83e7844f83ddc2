package ftenergy.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code ftenergy} command itself: the options every command accepts (before or after the
 * command's name) and the list of commands. The configuration options are collected here in the
 * order given; {@link Invocation} layers them.
 */
@Command(name = "ftenergy", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, versionProvider = VersionText.class,
        sortOptions = false, abbreviateSynopsis = true,
        subcommands = {DemoCommand.class, LakeCommand.class, PrepareCommand.class, SweepCommand.class, AnalyzeCommand.class,
                ReportCommand.class, DataCommand.class, MeterCommand.class, BenchCommand.class, InferCommand.class,
                ModelCommand.class, ConfigCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%n", footer = "`ftenergy --help` tells how configuration is layered, and the exit statuses.")
final class FtenergyCommand {

    /** What the top-level help says first. */
    static final String DESCRIPTION = "Measures the energy and carbon cost of fine-tuning BERT models: Spark sweeps, DJL "
            + "training metered in-process, results in Delta tables.";

    /** The top-level help's footer; the commands' own help points to it. */
    static final String[] OVERVIEW = {
        "Configuration, lowest precedence first: reference.conf defaults < --config files in the order given < FTENERGY_* "
                + "environment variables < -D system properties < -Dkey=value arguments < --lakehouse, --data-dir, "
                + "--checkpoints, --reports. `ftenergy config` prints the result and where each value came from.",
        "An environment variable names its key: drop FTENERGY_, __ separates path segments, _ stands for -, lower-case: "
                + "FTENERGY_SWEEP__BUDGET__KWH=2 sets ftenergy.sweep.budget.kwh, FTENERGY_DATA_DIR sets ftenergy.data-dir. "
                + "The launchers' own variables (FTENERGY_DRIVER_MEMORY, FTENERGY_JAR, ...) are not configuration.",
        "Spark's settings (--master, --conf spark.x=y, --files, ...) go to spark-submit before the jar; bin/ftenergy takes "
                + "--master itself.",
        "Exit status: 0 done; 1 failed; 2 bad command line or configuration (nothing ran); 3 sweep taken over by a newer "
                + "submission.",
        "`ftenergy <command> --help` shows a command's options."};

    /** A configuration file named on the command line, and whether through the deprecated {@code --conf}. */
    record ConfigFile(String name, boolean deprecatedOption) {}

    private final List<ConfigFile> configFiles = new ArrayList<>();
    private final Map<String, String> defines = new LinkedHashMap<>();

    @Spec
    private CommandSpec spec;

    @Option(names = "--lakehouse", paramLabel = "PATH", scope = ScopeType.INHERIT, order = 102,
            description = "Root of the Delta tables (ftenergy.lakehouse).")
    private String lakehouse;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT, order = 103,
            description = "Fetched corpora and tokenizers (ftenergy.data-dir).")
    private String dataDir;

    @Option(names = "--checkpoints", paramLabel = "DIR", scope = ScopeType.INHERIT, order = 104,
            description = "Model checkpoints (ftenergy.checkpoints).")
    private String checkpoints;

    @Option(names = "--reports", paramLabel = "DIR", scope = ScopeType.INHERIT, order = 105,
            description = "Report and figures (ftenergy.reports).")
    private String reports;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, order = 106,
            description = "Also log the warnings hidden by default (lost executors' network errors, Delta's checkpoint search).")
    private boolean verbose;

    // Setters, not a list field: --config and --conf share one list, in the order given, whether
    // before or after the command name.
    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT, order = 100,
            description = "A HOCON configuration file (repeatable; a later file overrides an earlier one).")
    private void addConfig(String file) {
        configFiles.add(new ConfigFile(file, false));
    }

    // A setter too: picocli would empty a map field at the first -D after the command name.
    @Option(names = "-D", paramLabel = "key=value", scope = ScopeType.INHERIT, order = 101,
            description = "Set one configuration key, e.g. -Dftenergy.sweep.id=trial (repeatable).")
    private void addDefine(String keyValue) {
        int eq = keyValue.indexOf('=');
        if (eq <= 0) {
            throw new ParameterException(spec.commandLine(), "-D needs key=value, was '" + keyValue + "'");
        }
        defines.put(keyValue.substring(0, eq), keyValue.substring(eq + 1));
    }

    @Option(names = "--conf", paramLabel = "FILE", scope = ScopeType.INHERIT, hidden = true,
            description = "Deprecated alias of --config.")
    private void addDeprecatedConf(String file) {
        configFiles.add(new ConfigFile(file, true));
    }

    /**
     * The configuration files in the order given.
     *
     * @param command the command line whose usage a wrong {@code --conf} value is reported with
     * @throws ParameterException when a {@code --conf} value is a Spark setting, not a file
     */
    List<Path> configFiles(CommandLine command) {
        List<Path> files = new ArrayList<>();
        for (ConfigFile file : configFiles) {
            if (file.deprecatedOption() && file.name().contains("=") && !Files.exists(Path.of(file.name()))) {
                throw new ParameterException(command, "--conf " + file.name() + " is a Spark setting, not a file: Spark settings go "
                        + "to spark-submit before the jar (spark-submit --conf " + file.name() + " ... JAR " + command.getCommandName()
                        + "), and ftenergy's configuration files to --config FILE");
            }
            files.add(Path.of(file.name()));
        }
        return files;
    }

    /** Whether the deprecated {@code --conf} was used. */
    boolean usedDeprecatedConf() {
        return configFiles.stream().anyMatch(ConfigFile::deprecatedOption);
    }

    Map<String, String> defines() {
        return defines;
    }

    /** The dedicated flags given, as configuration keys. */
    Map<String, String> flagKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        putIfGiven(keys, "ftenergy.lakehouse", lakehouse);
        putIfGiven(keys, "ftenergy.data-dir", dataDir);
        putIfGiven(keys, "ftenergy.checkpoints", checkpoints);
        putIfGiven(keys, "ftenergy.reports", reports);
        return keys;
    }

    boolean verbose() {
        return verbose;
    }

    private static void putIfGiven(Map<String, String> keys, String key, String value) {
        if (value != null) {
            keys.put(key, value);
        }
    }
}
