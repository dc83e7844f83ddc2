package ftenergy.attempt;

import ftenergy.run.RunSpec;
import java.io.Serializable;

/**
 * Everything an executor needs for one attempt besides its examples. Paths are strings and the
 * configuration travels as rendered HOCON, so the whole record serialises with Spark's closures;
 * executors read meter and carbon settings from it themselves (the carbon settings depend on the
 * executor's host name).
 *
 * @param spec the run
 * @param attempt 1-based attempt number
 * @param checkpointRoot directory of checkpoints, one sub-directory per run id (shared on a cluster)
 * @param saveCheckpoint whether a later run needs this run's trained weights
 * @param tokenizerFile the tokenizer that produced the examples' ids
 * @param vocabSize its vocabulary size
 * @param evalEverySteps evaluation interval
 * @param configHocon the resolved configuration, rendered
 * @param provenance what every run of the submission shares in its provenance
 */
public record AttemptInputs(
        RunSpec spec,
        int attempt,
        String checkpointRoot,
        boolean saveCheckpoint,
        String tokenizerFile,
        int vocabSize,
        int evalEverySteps,
        String configHocon,
        SweepProvenance provenance)
        implements Serializable {}
