package ftenergy.run;

import java.io.Serializable;
import java.util.List;

/**
 * One planned run of a sweep. {@code runId} is a stable hash of everything else, so the same config
 * always names the same runs (see the sweep planner).
 *
 * @param runId stable identifier, the key of every table
 * @param sweepId the sweep this run belongs to
 * @param kind pretrain, distill, finetune or inference
 * @param task task name ({@code sst2-sentiment}, {@code brown-pos}, ...); the corpus for pretrain/distill
 * @param model encoder shape and initial weights
 * @param hyperparameters optimisation settings
 * @param seed seed of data order, initialisation, dropout and masking
 * @param gpus GPUs this run asks for (0 on CPU)
 * @param dependsOn run ids whose checkpoints this run needs before it can start
 * @param stopRule ends the run once an evaluation reaches a target, or {@code null} to run every planned step
 */
public record RunSpec(
        String runId,
        String sweepId,
        RunKind kind,
        String task,
        ModelSpec model,
        Hyperparameters hyperparameters,
        long seed,
        int gpus,
        List<String> dependsOn,
        StopRule stopRule)
        implements Serializable {

    public RunSpec {
        dependsOn = List.copyOf(dependsOn);
    }
}
