package ftenergy.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Typed, validating reads from a resolved {@link Config} that collect every problem instead of
 * stopping at the first, so a user fixes a config in one pass. Call {@link #finish()} after the last
 * read: it throws {@link ConfigError} listing all problems.
 *
 * <pre>{@code
 * ConfigReader in = new ConfigReader(config);
 * int batch = in.positiveInt("ftenergy.sweep.batch-size");
 * in.finish();
 * }</pre>
 */
public final class ConfigReader {

    private final Config config;
    private final List<ConfigProblem> problems = new ArrayList<>();

    public ConfigReader(Config config) {
        this.config = config;
    }

    /** The underlying configuration (for sections read by their own parsers). */
    public Config config() {
        return config;
    }

    public String string(String key) {
        return read(key, config::getString, "");
    }

    /** A string, or {@code null} when the key is set to null. */
    public String optionalString(String key) {
        if (config.getIsNull(key)) {
            return null;
        }
        return string(key);
    }

    /**
     * A string that must be one of {@code allowed}; {@code null}, with a problem naming the
     * nearest allowed value, when it is not (or is missing).
     */
    public String oneOf(String key, List<String> allowed) {
        String value = string(key);
        if (!config.hasPath(key)) {
            return null;
        }
        if (allowed.contains(value)) {
            return value;
        }
        problem(key, "unknown value '" + value + "'; expected one of " + String.join(", ", allowed) + didYouMean(value, allowed));
        return null;
    }

    /** {@code "; did you mean 'x'?"} for the candidate nearest {@code value}, or nothing when none is near. */
    public static String didYouMean(String value, Collection<String> candidates) {
        return KnownKeys.suggestion(value, new TreeSet<>(candidates));
    }

    public boolean bool(String key) {
        return read(key, config::getBoolean, false);
    }

    public Path path(String key) {
        String value = string(key);
        if (value.isBlank()) {
            problem(key, "must be a non-empty path");
            return Path.of(".");
        }
        return Path.of(value);
    }

    /** Any whole number (seeds). */
    public long anyLong(String key) {
        return read(key, config::getLong, 0L);
    }

    public int positiveInt(String key) {
        int value = read(key, config::getInt, 1);
        if (value <= 0) {
            problem(key, "must be > 0, was " + value);
        }
        return value;
    }

    public int nonNegativeInt(String key) {
        int value = read(key, config::getInt, 0);
        if (value < 0) {
            problem(key, "must be >= 0, was " + value);
        }
        return value;
    }

    /** A whole number {@code >= 0}, or {@code null} when set to null. */
    public Integer optionalNonNegativeInt(String key) {
        if (config.getIsNull(key)) {
            return null;
        }
        return nonNegativeInt(key);
    }

    /** A double within {@code [min, max]}. */
    public double doubleIn(String key, double min, double max) {
        double value = read(key, config::getDouble, min);
        if (!(value >= min && value <= max)) {
            problem(key, "must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** A double within {@code [min, max]}, or {@code NaN} when set to null. */
    public double optionalDoubleIn(String key, double min, double max) {
        if (config.getIsNull(key)) {
            return Double.NaN;
        }
        return doubleIn(key, min, max);
    }

    public Duration positiveDuration(String key) {
        Duration value = read(key, config::getDuration, Duration.ofSeconds(1));
        if (value.isNegative() || value.isZero()) {
            problem(key, "must be a positive duration (e.g. 1s, 100ms), was " + value);
        }
        return value;
    }

    public List<String> nonEmptyStrings(String key) {
        List<String> values = read(key, config::getStringList, List.of());
        if (values.isEmpty() && config.hasPath(key)) {
            problem(key, "must list at least one value");
        }
        return values;
    }

    public List<Double> nonEmptyDoubles(String key) {
        List<Double> values = read(key, config::getDoubleList, List.of());
        if (values.isEmpty() && config.hasPath(key)) {
            problem(key, "must list at least one value");
        }
        return values;
    }

    public List<Long> nonEmptyLongs(String key) {
        List<Long> values = read(key, config::getLongList, List.of());
        if (values.isEmpty() && config.hasPath(key)) {
            problem(key, "must list at least one value");
        }
        return values;
    }

    public List<Integer> nonEmptyInts(String key) {
        List<Integer> values = read(key, config::getIntList, List.of());
        if (values.isEmpty() && config.hasPath(key)) {
            problem(key, "must list at least one value");
        }
        return values;
    }

    /** A non-empty list of whole numbers {@code > 0}; {@code [1]} stands in for a list with problems. */
    public List<Integer> positiveInts(String key) {
        List<Integer> values = nonEmptyInts(key);
        for (int value : values) {
            if (value <= 0) {
                problem(key, "every value must be > 0, found " + value);
            }
        }
        return values.isEmpty() ? List.of(1) : values;
    }

    /** A non-empty list of numbers {@code > 0}; {@code [1e-4]} stands in for a list with problems. */
    public List<Double> positiveDoubles(String key) {
        List<Double> values = nonEmptyDoubles(key);
        for (double value : values) {
            if (!(value > 0)) {
                problem(key, "every value must be > 0, found " + value);
            }
        }
        return values.isEmpty() ? List.of(1e-4) : values;
    }

    /** A non-empty list of fractions in {@code [0, 1)}; {@code [0]} stands in for a list with problems. */
    public List<Double> fractions(String key) {
        List<Double> values = nonEmptyDoubles(key);
        for (double value : values) {
            if (value < 0 || value >= 1) {
                problem(key, "every value must be in [0, 1), found " + value);
            }
        }
        return values.isEmpty() ? List.of(0.0) : values;
    }

    /** A non-empty list of booleans; {@code [false]} stands in for a list with problems. */
    public List<Boolean> booleans(String key) {
        List<Boolean> values = read(key, config::getBooleanList, null);
        if (values == null) {
            return List.of(false); // read() recorded why
        }
        if (values.isEmpty()) {
            problem(key, "must list at least one value");
            return List.of(false);
        }
        return values;
    }

    /** Records a problem with {@code key}'s value, located at the value's origin. */
    public void problem(String key, String message) {
        problems.add(new ConfigProblem(key, originOf(key), message));
    }

    /**
     * Where {@code key}'s value comes from ({@code conf/sweeps/paper.conf: 12}), for problems found
     * later, away from the configuration (a column a data file lacks).
     */
    public String origin(String key) {
        return originOf(key);
    }

    /**
     * Records an unknown-key problem, with the nearest valid name, for each child of the object at
     * {@code key} that is not in {@code valid}: the check {@code reference.conf} gives fixed
     * sections, for sections whose names the user chooses (a task's keys).
     */
    public void onlyKnownChildren(String key, Collection<String> valid) {
        if (!config.hasPath(key) || config.getValue(key).valueType() != ConfigValueType.OBJECT) {
            return;
        }
        Set<String> known = new TreeSet<>();
        valid.forEach(child -> known.add(key + "." + ConfigUtil.joinPath(child)));
        for (String child : config.getObject(key).keySet()) {
            String path = key + "." + ConfigUtil.joinPath(child);
            if (!known.contains(path)) {
                problem(path, "unknown key" + KnownKeys.suggestion(path, known));
            }
        }
    }

    /** Problems found so far. */
    public List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }

    /** Throws {@link ConfigError} if any read found a problem. */
    public void finish() {
        if (!problems.isEmpty()) {
            throw new ConfigError(problems);
        }
    }

    private <T> T read(String key, Function<String, T> getter, T fallback) {
        try {
            return getter.apply(key);
        } catch (ConfigException.Missing e) {
            problems.add(new ConfigProblem(key, originOfParent(key), "missing; set it in a --config file or with -D" + key + "=..."));
        } catch (ConfigException.WrongType | ConfigException.BadValue e) {
            String origin = originOf(key);
            String message = e.getMessage();
            // Typesafe prefixes its message with the origin, which the problem already carries.
            if (message.startsWith(origin + ": ")) {
                message = message.substring(origin.length() + 2);
            }
            problems.add(new ConfigProblem(key, origin, "wrong type: " + message));
        }
        return fallback;
    }

    private String originOf(String key) {
        try {
            ConfigValue value = config.getValue(key);
            return value.origin().description();
        } catch (ConfigException e) {
            return originOfParent(key);
        }
    }

    private String originOfParent(String key) {
        int dot = key.lastIndexOf('.');
        if (dot > 0 && config.hasPath(key.substring(0, dot))) {
            return config.getValue(key.substring(0, dot)).origin().description();
        }
        return "no configuration layer sets it";
    }
}
