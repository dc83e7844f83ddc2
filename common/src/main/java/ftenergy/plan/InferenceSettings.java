package ftenergy.plan;

import ftenergy.config.ConfigReader;
import java.util.List;

/**
 * A sweep's inference runs, under {@code ftenergy.sweep.inference}: one per fine-tuned model (first
 * grid point and seed) and batch size.
 *
 * @param enabled whether inference runs are planned
 * @param batchSizes batch sizes of the inference runs
 * @param maxExamples evaluation examples each inference run predicts
 */
public record InferenceSettings(boolean enabled, List<Integer> batchSizes, int maxExamples) {

    public InferenceSettings {
        batchSizes = List.copyOf(batchSizes);
    }

    static InferenceSettings read(ConfigReader in, String prefix) {
        return new InferenceSettings(in.bool(prefix + "enabled"), in.positiveInts(prefix + "batch-sizes"),
                in.positiveInt(prefix + "max-examples"));
    }
}
