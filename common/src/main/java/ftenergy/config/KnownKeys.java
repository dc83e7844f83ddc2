package ftenergy.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rejects keys the project does not know, so a typo fails loudly instead of silently keeping the
 * default. The valid keys are exactly those of {@code reference.conf} (null-valued keys included),
 * plus the free-form sections listed in {@link #OPEN_SECTIONS}.
 */
final class KnownKeys {

    /** Sections whose children are user-named (host names, Spark settings, task names); their readers check them. */
    static final Set<String> OPEN_SECTIONS = Set.of("ftenergy.carbon.host-wall-coefficients", "ftenergy.spark.conf",
            "ftenergy.sweep.finetune.task-grids", "ftenergy.tasks");

    private static final String ROOT = "ftenergy";

    private KnownKeys() {}

    static void check(Config reference, Config user) {
        Set<String> known = new TreeSet<>(leaves(reference.root(), "").keySet());
        List<ConfigProblem> problems = new ArrayList<>();
        if (!user.root().containsKey(ROOT)) {
            return;
        }
        leaves(user.root(), "").forEach((path, value) -> {
            if (!path.startsWith(ROOT + ".") || known.contains(path) || isOpen(path) || isInsideKnownLeaf(path, known)) {
                return;
            }
            problems.add(new ConfigProblem(path, value.origin().description(), "unknown key" + suggestion(path, known)));
        });
        if (!problems.isEmpty()) {
            throw new ConfigError(problems);
        }
    }

    private static boolean isOpen(String path) {
        for (String section : OPEN_SECTIONS) {
            if (path.equals(section) || path.startsWith(section + ".")) {
                return true;
            }
        }
        return false;
    }

    /** A known key whose value is an object a user may spell out field by field (e.g. a null default). */
    private static boolean isInsideKnownLeaf(String path, Set<String> known) {
        for (String key : known) {
            if (path.startsWith(key + ".")) {
                return true;
            }
        }
        return false;
    }

    /** {@code "; did you mean 'x'?"} for the known key nearest {@code path}, or nothing when none is near. */
    static String suggestion(String path, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = editDistance(path, candidate);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        // Beyond a third of the key's length the "nearest" name is noise, not a typo.
        return best != null && bestDistance <= Math.max(2, path.length() / 3) ? "; did you mean '" + best + "'?" : "";
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Leaf paths of an object tree, null values included (Config.entrySet() drops them). */
    static Map<String, ConfigValue> leaves(ConfigObject object, String prefix) {
        Map<String, ConfigValue> out = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
            String path = prefix.isEmpty()
                    ? ConfigUtil.joinPath(entry.getKey())
                    : prefix + "." + ConfigUtil.joinPath(entry.getKey());
            if (entry.getValue().valueType() == ConfigValueType.OBJECT) {
                ConfigObject child = (ConfigObject) entry.getValue();
                if (child.isEmpty()) {
                    out.put(path, child);
                } else {
                    out.putAll(leaves(child, path));
                }
            } else {
                out.put(path, entry.getValue());
            }
        }
        return out;
    }
}
