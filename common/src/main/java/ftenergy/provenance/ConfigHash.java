package ftenergy.provenance;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import java.util.List;

/**
 * The {@code config_hash} of a sweep's runs: a hash of every configuration value that changes a
 * result, and of nothing else, so two submissions that could only have measured the same thing
 * share it whatever paths, Spark settings or retry policy they used.
 *
 * <p>Included: the sweep ({@code ftenergy.sweep}) except how it launches (retries, budget,
 * concurrency, queued runs), the task definitions ({@code ftenergy.tasks}), the meter
 * ({@code ftenergy.meter}: sampling changes what is measured) and the carbon accounting
 * ({@code ftenergy.carbon}). Left out: where things live (lakehouse, data, checkpoints, reports),
 * Spark settings and the lake's append path.
 */
public final class ConfigHash {

    /** Keys under {@code ftenergy.sweep} that decide how runs are launched, not what they compute. */
    static final List<String> LAUNCH_KEYS = List.of("retries", "budget", "max-concurrent-runs", "queued-runs");

    private static final List<String> INCLUDED = List.of("ftenergy.sweep", "ftenergy.tasks", "ftenergy.meter", "ftenergy.carbon");

    private ConfigHash() {}

    /** The short SHA-256 of the included values, rendered as sorted JSON. */
    public static String of(Config resolved) {
        StringBuilder text = new StringBuilder();
        for (String path : INCLUDED) {
            if (!resolved.hasPath(path)) {
                continue;
            }
            Config part = resolved.getConfig(path);
            if (path.equals("ftenergy.sweep")) {
                for (String key : LAUNCH_KEYS) {
                    part = part.withoutPath(key);
                }
            }
            text.append(path).append('=').append(part.root().render(ConfigRenderOptions.concise())).append('\n');
        }
        return Sha256.shortOf(text.toString());
    }
}
