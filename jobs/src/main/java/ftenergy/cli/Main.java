package ftenergy.cli;

import ftenergy.FtenergyException;
import ftenergy.config.ConfigError;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code ftenergy <command> [options]}: launched by {@code bin/ftenergy} through {@code spark-submit}
 * (or {@code SparkSubmit} from the jar). Exit status: 0 done, 1 failed, 2 bad command line or
 * configuration (the message on stderr, with the command's usage for a bad command line), or a
 * command's own status (a sweep taken over: 3).
 */
public final class Main {

    /** A command ran and failed. */
    static final int FAILED = 1;
    /** The command line or the configuration is wrong; nothing ran. */
    static final int USAGE = 2;

    /** spark-submit's own options, which belong before the jar, not after it. */
    private static final Set<String> SPARK_SUBMIT_OPTIONS = Set.of("--master", "--deploy-mode", "--class", "--name", "--jars",
            "--packages", "--files", "--archives", "--properties-file", "--driver-memory", "--driver-java-options",
            "--driver-class-path", "--driver-cores", "--executor-memory", "--executor-cores", "--num-executors",
            "--total-executor-cores", "--queue");

    private Main() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs one command line in this process's environment; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), out, err);
    }

    /**
     * Runs one command line.
     *
     * @param environment the variables {@code FTENERGY_*} configuration keys are read from
     * @return the exit status
     */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        FtenergyCommand options = new FtenergyCommand();
        CommandLine commandLine = new CommandLine(options)
                .setOut(new PrintWriter(out, true, Charset.defaultCharset()))
                .setErr(new PrintWriter(err, true, Charset.defaultCharset()))
                // --config and -D repeat by nature; any other option given twice keeps its last value.
                .setOverwrittenOptionsAllowed(true)
                // An argument starting with @ is the argument itself (a SQL text, a path), never a file of arguments.
                .setExpandAtFiles(false)
                .setParameterExceptionHandler(Main::usageError)
                .setExecutionStrategy(parsed -> execute(parsed, options, environment, out, err));
        // Set after the commands inherited the root's attributes: description and overview are the root's alone.
        commandLine.getCommandSpec().usageMessage().description(FtenergyCommand.DESCRIPTION).footer(FtenergyCommand.OVERVIEW);
        return commandLine.execute(args);
    }

    private static int execute(ParseResult parsed, FtenergyCommand options, Map<String, String> environment, PrintStream out,
            PrintStream err) {
        Integer helpStatus = CommandLine.executeHelpRequest(parsed);
        if (helpStatus != null) {
            return helpStatus;
        }
        ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        CommandLine leaf = last.commandSpec().commandLine();
        if (!(leaf.getCommand() instanceof LeafCommand command)) {
            throw new ParameterException(leaf, "missing command: one of " + String.join(", ", leaf.getSubcommands().keySet()));
        }
        List<Path> files = options.configFiles(leaf);
        if (options.usedDeprecatedConf()) {
            err.println("ftenergy: warning: --conf FILE is deprecated and goes away in the next release; use --config FILE");
        }
        if (options.verbose()) {
            ConsoleLogging.showHiddenWarnings();
        }
        String name = leaf.getCommandSpec().qualifiedName(" ");
        try (Invocation invocation = new Invocation(files, environment, options.defines(), options.flagKeys(), out)) {
            return command.run(invocation);
        } catch (UsageException e) {
            err.println(name + ": " + e.getMessage());
            leaf.usage(err);
            return USAGE;
        } catch (ConfigError e) {
            err.println(name + ": " + e.getMessage());
            return USAGE;
        } catch (FtenergyException e) {
            err.println(name + " failed: " + e.getMessage());
            return FAILED;
        } catch (Exception e) {
            err.println(name + " failed: " + e);
            e.printStackTrace(err);
            return FAILED;
        }
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName(" ") + ": " + e.getMessage());
        if (e instanceof UnmatchedArgumentException unmatched) {
            UnmatchedArgumentException.printSuggestions(unmatched, err);
            if (unmatched.getUnmatched().stream().map(arg -> arg.split("=", 2)[0]).anyMatch(SPARK_SUBMIT_OPTIONS::contains)) {
                err.println("Spark's options go to spark-submit before the jar (bin/ftenergy takes --master itself).");
            }
        }
        command.usage(err);
        return USAGE;
    }
}
