package ftenergy.cli;

import ftenergy.FtenergyException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ftenergy <command> [--conf FILE] [-Dkey=value ...] [--help]}: launched by {@code bin/ftenergy}
 * through {@code spark-submit} (or {@code SparkSubmit} from the jar).
 */
public final class Main {

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        for (Command command : List.<Command>of(new DemoCommand(), new LakeCommand(), new PrepareCommand(), new SweepCommand(), new AnalyzeCommand(), new ReportCommand(), new DataCommand(), new MeterCommand(), new BenchCommand(), new InferCommand(), new ModelCommand())) {
            COMMANDS.put(command.name(), command);
        }
    }

    private Main() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs one command line; returns the exit code (0 ok, 1 failure, 2 usage or configuration error). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (UsageException e) {
            err.println("ftenergy: " + e.getMessage());
            return 2;
        }
        String name = arguments.word(0);
        if (name == null || name.equals("help")) {
            out.print(overview());
            return arguments.help() || "help".equals(name) ? 0 : 2;
        }
        Command command = COMMANDS.get(name);
        if (command == null) {
            err.println("ftenergy: unknown command '" + name + "'");
            err.print(overview());
            return 2;
        }
        if (arguments.help()) {
            out.print(command.usage());
            return 0;
        }
        try (Invocation invocation = new Invocation(arguments, out)) {
            return command.run(invocation);
        } catch (UsageException e) {
            err.println("ftenergy " + name + ": " + e.getMessage());
            err.print(command.usage());
            return 2;
        } catch (ftenergy.config.ConfigError e) {
            err.println("ftenergy " + name + ": " + e.getMessage());
            return 2;
        } catch (FtenergyException e) {
            err.println("ftenergy " + name + " failed: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("ftenergy " + name + " failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    private static String overview() {
        StringBuilder text = new StringBuilder("usage: ftenergy <command> [--conf FILE] [-Dkey=value ...] [--help]\n\ncommands:\n");
        COMMANDS.values().forEach(c -> text.append(String.format("  %-9s %s%n", c.name(), c.summary())));
        text.append("\n`ftenergy <command> --help` shows a command's options.\n");
        return text.toString();
    }
}
