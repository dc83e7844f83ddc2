package ftenergy.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the effective configuration from its layers, lowest first:
 * <ol>
 *   <li>{@code reference.conf} defaults in the jars;</li>
 *   <li>the {@code --config} files, in the order given (a later file overrides an earlier one);</li>
 *   <li>{@code FTENERGY_*} environment variables (the naming rule: {@link EnvironmentLayer});</li>
 *   <li>JVM system properties ({@code -Dftenergy.*} given to the JVM);</li>
 *   <li>{@code -Dkey=value} words of the command line;</li>
 *   <li>dedicated command-line flags ({@code --lakehouse DIR} and the like).</li>
 * </ol>
 * Every key the user's layers set must exist in {@code reference.conf}; all problems are reported
 * at once, each with its origin (file and line, variable, or command line).
 */
public final class LayeredConfig {

    private LayeredConfig() {}

    /**
     * Loads and resolves the layers; unknown keys are reported as problems, typed reading happens in
     * {@link ConfigReader}.
     *
     * @param files the user's files, lowest precedence first
     * @param environment the process environment; only {@code FTENERGY_*} variables are read
     * @param defines {@code -Dkey=value} words of the command line (above JVM system properties)
     * @param flags command-line overrides, key to value (highest precedence)
     * @return the resolved configuration
     * @throws ConfigError when a file is missing or unparsable, a variable names no key, or a key is unknown
     */
    public static Config load(List<Path> files, Map<String, String> environment, Map<String, String> defines,
            Map<String, String> flags) {
        // Not ConfigFactory.defaultReference(): that one already contains the system properties,
        // which would make every -D typo look like a known key.
        Config reference = ConfigFactory.parseResources(LayeredConfig.class.getClassLoader(), "reference.conf").resolve();
        // Parsed afresh: ConfigFactory.systemProperties() is cached for the life of the JVM.
        Config system = ConfigFactory.parseProperties(
                System.getProperties(), ConfigParseOptions.defaults().setOriginDescription("-D system property"));
        List<ConfigProblem> problems = new ArrayList<>();
        Config userLayers = layer(flags, "command line", problems)
                .withFallback(layer(defines, "-D on the command line", problems))
                .withFallback(system)
                .withFallback(EnvironmentLayer.of(environment, problems))
                .withFallback(files(files, problems));
        try {
            Config merged = userLayers.withFallback(reference).resolve();
            // The user's keys alone, their substitutions (${HOME}, another key) resolved as in the merge.
            try {
                KnownKeys.check(reference, userLayers.resolveWith(userLayers.withFallback(reference)));
            } catch (ConfigError e) {
                problems.addAll(e.problems());
            }
            if (!problems.isEmpty()) {
                throw new ConfigError(problems);
            }
            return merged;
        } catch (ConfigException e) {
            String origin = e.origin() == null ? "configuration" : e.origin().description();
            problems.add(new ConfigProblem("(substitution)", origin, e.getMessage()));
            throw new ConfigError(problems);
        }
    }

    /** {@link #load(List, Map, Map, Map)} with at most one file and no environment, for jobs and tests that build their own. */
    public static Config load(Path file, Map<String, String> defines, Map<String, String> flags) {
        return load(file == null ? List.of() : List.of(file), Map.of(), defines, flags);
    }

    /** The files merged, each later one over the earlier; every missing or unparsable one added to {@code problems}. */
    private static Config files(List<Path> files, List<ConfigProblem> problems) {
        Config merged = ConfigFactory.empty();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                problems.add(new ConfigProblem("--config", file.toString(), "no such file: " + file.toAbsolutePath()));
                continue;
            }
            try {
                merged = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false))
                        .withFallback(merged);
            } catch (ConfigException e) {
                problems.add(new ConfigProblem("--config", file.toString(), e.getMessage()));
            }
        }
        return merged;
    }

    private static Config layer(Map<String, String> values, String origin, List<ConfigProblem> problems) {
        Config layer = ConfigFactory.empty(origin);
        for (Map.Entry<String, String> entry : values.entrySet()) {
            try {
                layer = layer.withValue(entry.getKey(), OverrideValue.parse(entry.getKey(), entry.getValue(), origin));
            } catch (ConfigError e) {
                problems.addAll(e.problems());
            } catch (ConfigException.BadPath e) {
                problems.add(new ConfigProblem(entry.getKey(), origin, "not a valid key: " + e.getMessage()));
            }
        }
        return layer;
    }
}
