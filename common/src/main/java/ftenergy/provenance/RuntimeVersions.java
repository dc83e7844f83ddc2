package ftenergy.provenance;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The versions of what computed a result, by component, in the order they were added: the JVM
 * first, then what each layer adds (the engine on the executor, Spark and Delta from the driver,
 * the GPU driver where a GPU was metered). Rendered as {@code java=17.0.15; djl=0.36.0; ...} in
 * {@code runs.runtime}.
 *
 * @param versions version by component name
 */
public record RuntimeVersions(Map<String, String> versions) implements Serializable {

    public RuntimeVersions {
        versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    }

    /** This JVM: {@code java} = its runtime version, with its vendor. */
    public static RuntimeVersions jvm() {
        return new RuntimeVersions(Map.of("java", System.getProperty("java.runtime.version",
                System.getProperty("java.version")) + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"));
    }

    /** These versions and {@code more}'s; a component both name keeps {@code more}'s version. */
    public RuntimeVersions with(RuntimeVersions more) {
        Map<String, String> all = new LinkedHashMap<>(versions);
        all.putAll(more.versions);
        return new RuntimeVersions(all);
    }

    /** These versions and {@code component}'s, unless {@code version} is null. */
    public RuntimeVersions with(String component, String version) {
        if (version == null) {
            return this;
        }
        Map<String, String> all = new LinkedHashMap<>(versions);
        all.put(component, version);
        return new RuntimeVersions(all);
    }

    /** {@code name=version} pairs joined with {@code "; "}. */
    public String describe() {
        StringJoiner out = new StringJoiner("; ");
        versions.forEach((name, version) -> out.add(name + "=" + version));
        return out.toString();
    }
}
