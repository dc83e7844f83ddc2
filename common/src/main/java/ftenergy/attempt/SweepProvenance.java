package ftenergy.attempt;

import ftenergy.provenance.RuntimeVersions;
import ftenergy.run.RunProvenance;
import java.io.Serializable;

/**
 * The provenance every run of one sweep submission shares, as the driver knows it; each attempt
 * adds the data it read and the runtime it computed on ({@link #forRun}).
 *
 * @param codeVersion ftenergy's version
 * @param configHash hash of every configuration value that changes a result
 * @param tokenizerVersion hash of the tokenizer file the examples were encoded with
 * @param runtime versions only the driver knows (Spark, Delta)
 */
public record SweepProvenance(String codeVersion, String configHash, String tokenizerVersion, RuntimeVersions runtime)
        implements Serializable {

    /**
     * A run's provenance.
     *
     * @param dataVersion the examples it read ({@link TaskData#version()}), or null if it read none
     * @param computedOn the versions of the JVM and engine it computed on, listed before the driver's
     */
    public RunProvenance forRun(String dataVersion, RuntimeVersions computedOn) {
        return new RunProvenance(codeVersion, configHash, dataVersion, tokenizerVersion, computedOn.with(runtime).describe());
    }
}
