package ftenergy.config;

/**
 * One thing wrong with a configuration.
 *
 * @param key full path of the offending key ({@code ftenergy.sweep.seeds})
 * @param origin where the value came from ({@code conf/sweeps/demo.conf: 12}, {@code system properties})
 * @param message what is wrong and, where possible, what to write instead
 */
public record ConfigProblem(String key, String origin, String message) {

    @Override
    public String toString() {
        return key + " (" + origin + "): " + message;
    }
}
