package ftenergy.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code FTENERGY_*} environment variables as a configuration layer. A variable names a key:
 * strip {@code FTENERGY_}, split the rest at {@code __} into path segments, turn each remaining
 * {@code _} into {@code -} and lower-case it, then prefix {@code ftenergy.}:
 * {@code FTENERGY_SWEEP__BUDGET__KWH=2} sets {@code ftenergy.sweep.budget.kwh},
 * {@code FTENERGY_DATA_DIR=/d} sets {@code ftenergy.data-dir}. Values are read like
 * {@code -Dkey=value}: a value starting with {@code [} or <code>{</code> is HOCON, anything else a
 * string. Every value's origin is its variable, so a problem with it names the variable.
 *
 * <p>The launcher scripts' own variables ({@link #LAUNCHER_VARIABLES}) are not configuration and
 * are skipped. Keys a variable cannot spell (a dot inside one key, as in a host name under
 * {@code host-wall-coefficients}) belong in a {@code --config} file.
 */
final class EnvironmentLayer {

    static final String PREFIX = "FTENERGY_";

    /** Read by bin/ftenergy, bin/loopback-cluster, bin/fault-tests and the notebooks' kernel, not by the configuration. */
    static final Set<String> LAUNCHER_VARIABLES = Set.of("FTENERGY_DRIVER_MEMORY", "FTENERGY_JAR", "FTENERGY_CLUSTER_DIR",
            "FTENERGY_MASTER_PORT", "FTENERGY_MASTER_UI_PORT", "FTENERGY_WORKER_OPTS", "FTENERGY_KERNEL_SETTLE_S",
            "FTENERGY_KERNEL_PROBE_S", "FTENERGY_KERNEL_START_ATTEMPTS");

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9]+(_[A-Za-z0-9]+)*");

    private EnvironmentLayer() {}

    /**
     * The layer of every {@code FTENERGY_*} variable in {@code environment}; a variable that spells no
     * key or whose value does not parse is left out and added to {@code problems}, named.
     */
    static Config of(Map<String, String> environment, List<ConfigProblem> problems) {
        Config layer = ConfigFactory.empty("environment variables");
        for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith(PREFIX) || LAUNCHER_VARIABLES.contains(name)) {
                continue;
            }
            String origin = "environment variable " + name;
            String key = key(name);
            if (key == null) {
                problems.add(new ConfigProblem(name, origin, "names no configuration key; write FTENERGY_ then the key's path"
                        + " segments joined by __, with _ for - (FTENERGY_SWEEP__BUDGET__KWH for ftenergy.sweep.budget.kwh)"));
                continue;
            }
            try {
                layer = layer.withValue(key, OverrideValue.parse(key, variable.getValue(), origin));
            } catch (ConfigError e) {
                problems.addAll(e.problems());
            }
        }
        return layer;
    }

    /** The key {@code variable} names, or {@code null} when it spells none (an empty or malformed segment). */
    static String key(String variable) {
        String rest = variable.substring(PREFIX.length());
        List<String> path = new ArrayList<>();
        path.add("ftenergy");
        for (String segment : rest.split("__", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return null;
            }
            path.add(segment.replace('_', '-').toLowerCase(Locale.ROOT));
        }
        return ConfigUtil.joinPath(path);
    }
}
