package ftenergy.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;

/** One {@code ftenergy} command line run through {@link Main}: its exit status and what it printed. */
record CliResult(int code, String out, String err) {

    /** Runs {@code args} with {@code environment} as the whole process environment. */
    static CliResult run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, environment, new PrintStream(out, true), new PrintStream(err, true));
        return new CliResult(code, out.toString(), err.toString());
    }

    static CliResult run(String... args) {
        return run(Map.of(), args);
    }

    /** Everything printed, for assertion messages. */
    String printed() {
        return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
