package ftenergy.run;

import java.io.Serializable;

/**
 * How a run's numbers were obtained, besides the meter's sources ({@link EnergyAccount}): which
 * code, configuration, data and tokenizer, on which runtime. Two runs with the same provenance and
 * run id computed the same thing.
 *
 * @param codeVersion ftenergy's version ({@code dev} outside a released jar)
 * @param configHash hash of every configuration value that changes a result (see the sweep's config hash)
 * @param dataVersion hash of the examples the run read, in the order it read them; null if it read none
 * @param tokenizerVersion hash of the tokenizer file the examples were encoded with; null if unknown
 * @param runtime versions of what computed it: JDK, DJL, libtorch, Spark, Delta, GPU driver where present
 */
public record RunProvenance(String codeVersion, String configHash, String dataVersion, String tokenizerVersion, String runtime)
        implements Serializable {}
