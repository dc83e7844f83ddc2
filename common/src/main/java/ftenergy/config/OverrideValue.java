package ftenergy.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.util.List;

/**
 * One value given outside a file ({@code -Dkey=value}, a flag, an environment variable): a value
 * starting with {@code [} or <code>{</code> is HOCON (a list, an object); anything else is a
 * plain string, which the typed readers convert as they would a file's.
 */
final class OverrideValue {

    private OverrideValue() {}

    /**
     * @param key the key it sets, for the problem report
     * @param origin where it was given, kept as the value's origin
     * @throws ConfigError when a list or object does not parse
     */
    static ConfigValue parse(String key, String value, String origin) {
        String stripped = value.strip();
        if (!stripped.startsWith("[") && !stripped.startsWith("{")) {
            return ConfigValueFactory.fromAnyRef(value, origin);
        }
        try {
            return ConfigFactory.parseString("v = " + stripped, ConfigParseOptions.defaults().setOriginDescription(origin))
                    .getValue("v");
        } catch (ConfigException e) {
            throw new ConfigError(List.of(new ConfigProblem(key, origin, "unparsable value: " + e.getMessage())));
        }
    }
}
