package ftenergy.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed command line: {@code <command> [words...] [--conf FILE] [-Dkey=value ...] [--flag value ...]}.
 *
 * @param words the command and its sub-command words, in order
 * @param confFile the {@code --conf} file, or {@code null}
 * @param defines {@code -Dkey=value} overrides
 * @param flags {@code --name value} and bare {@code --name} (value "true") options
 * @param help whether {@code --help}/{@code -h} was given
 */
public record Arguments(List<String> words, Path confFile, Map<String, String> defines, Map<String, String> flags, boolean help) {

    /** Flags that take no value. */
    private static final List<String> SWITCHES = List.of("plan", "force", "no-fetch", "quick");

    public Arguments {
        words = List.copyOf(words);
        defines = Map.copyOf(defines);
        flags = Map.copyOf(flags);
    }

    public static Arguments parse(String[] args) {
        List<String> words = new ArrayList<>();
        Map<String, String> defines = new LinkedHashMap<>();
        Map<String, String> flags = new LinkedHashMap<>();
        Path conf = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.startsWith("-D") && arg.contains("=")) {
                int eq = arg.indexOf('=');
                defines.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (arg.equals("--conf")) {
                conf = Path.of(value(args, ++i, arg));
            } else if (arg.startsWith("--")) {
                String name = arg.substring(2);
                int eq = name.indexOf('=');
                if (eq > 0) {
                    flags.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (SWITCHES.contains(name)) {
                    flags.put(name, "true");
                } else {
                    flags.put(name, value(args, ++i, arg));
                }
            } else {
                words.add(arg);
            }
        }
        return new Arguments(words, conf, defines, flags, help);
    }

    /** The i-th word after the command, or {@code null}. */
    public String word(int i) {
        return i < words.size() ? words.get(i) : null;
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(flags.getOrDefault(name, "false"));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }
}
