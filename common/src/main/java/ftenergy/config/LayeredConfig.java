package ftenergy.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds the effective configuration from its layers, lowest first: {@code reference.conf} defaults
 * in the jars, an optional {@code --conf FILE}, {@code -Dftenergy.*} system properties, then
 * command-line flags.
 */
public final class LayeredConfig {

    private LayeredConfig() {}

    /**
     * Loads and resolves the layers; unknown keys are reported as problems, typed reading happens in
     * {@link ConfigReader}.
     *
     * @param confFile the user's file, or {@code null}
     * @param defines {@code -Dkey=value} words of the command line (above JVM system properties)
     * @param flags command-line overrides, key to value (highest precedence)
     * @return the resolved configuration
     * @throws ConfigError when the file is missing or unparsable, or a key is unknown
     */
    public static Config load(Path confFile, Map<String, String> defines, Map<String, String> flags) {
        // Not ConfigFactory.defaultReference(): that one already contains the system properties,
        // which would make every -D typo look like a known key.
        Config reference = ConfigFactory.parseResources(LayeredConfig.class.getClassLoader(), "reference.conf").resolve();
        Config file = ConfigFactory.empty();
        if (confFile != null) {
            if (!Files.isRegularFile(confFile)) {
                throw new ConfigError(List.of(new ConfigProblem(
                        "--conf", confFile.toString(), "no such file: " + confFile.toAbsolutePath())));
            }
            try {
                file = ConfigFactory.parseFile(confFile.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
            } catch (ConfigException e) {
                throw new ConfigError(List.of(new ConfigProblem("--conf", confFile.toString(), e.getMessage())));
            }
        }
        // Parsed afresh: ConfigFactory.systemProperties() is cached for the life of the JVM.
        Config system = ConfigFactory.parseProperties(
                System.getProperties(), ConfigParseOptions.defaults().setOriginDescription("-D system property"));
        Config userLayers = layer(flags, "command line")
                .withFallback(layer(defines, "-D on the command line"))
                .withFallback(system)
                .withFallback(file);
        try {
            Config merged = userLayers.withFallback(reference).resolve();
            // The user's keys alone, their substitutions (${HOME}, another key) resolved as in the merge.
            KnownKeys.check(reference, userLayers.resolveWith(userLayers.withFallback(reference)));
            return merged;
        } catch (ConfigException e) {
            String origin = e.origin() == null ? "configuration" : e.origin().description();
            throw new ConfigError(List.of(new ConfigProblem("(substitution)", origin, e.getMessage())));
        }
    }

    /** Values starting with [ or { are HOCON (lists, objects); anything else is a plain string. */
    private static Config layer(Map<String, String> values, String origin) {
        Config layer = ConfigFactory.empty(origin);
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String value = entry.getValue().strip();
            ConfigValue parsed;
            if (value.startsWith("[") || value.startsWith("{")) {
                try {
                    parsed = ConfigFactory.parseString("v = " + value, ConfigParseOptions.defaults().setOriginDescription(origin))
                            .getValue("v");
                } catch (ConfigException e) {
                    throw new ConfigError(List.of(new ConfigProblem(entry.getKey(), origin, "unparsable value: " + e.getMessage())));
                }
            } else {
                parsed = ConfigValueFactory.fromAnyRef(entry.getValue(), origin);
            }
            layer = layer.withValue(entry.getKey(), parsed);
        }
        return layer;
    }
}
