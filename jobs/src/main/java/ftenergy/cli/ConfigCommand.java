package ftenergy.cli;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;

/** {@code ftenergy config}: the configuration every layer adds up to, after the checks a sweep makes. */
@Command(name = "config", header = "check the configuration and print every key with its value and where it came from",
        description = "Layers the --config files, FTENERGY_* variables, -D arguments and flags as any command would, checks "
                + "the keys and the sweep's, meter's and carbon settings, and prints one `key = value  # origin` line per "
                + "ftenergy key, sorted. Nothing else runs.")
final class ConfigCommand implements LeafCommand {

    @Override
    public int run(Invocation invocation) {
        SweepCommand.settings(invocation);
        Map<String, ConfigValue> keys = new TreeMap<>();
        invocation.config().withOnlyPath("ftenergy").entrySet().forEach(entry -> keys.put(entry.getKey(), entry.getValue()));
        keys.forEach((key, value) -> invocation.out().println(
                key + " = " + value.render(ConfigRenderOptions.concise()) + "  # " + value.origin().description()));
        return 0;
    }
}
