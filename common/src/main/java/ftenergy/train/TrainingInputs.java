package ftenergy.train;

import ftenergy.data.Example;
import ftenergy.data.TaskInfo;
import java.nio.file.Path;
import java.util.List;

/**
 * What an executor hands a run besides its spec: data, paths and devices.
 *
 * @param task the task trained or measured (for pre-training and distillation: the corpus, type masked LM)
 * @param train training examples (unused by inference)
 * @param eval evaluation examples (inference measures over these)
 * @param vocabSize vocabulary size of the tokenizer that produced the ids
 * @param initCheckpoint checkpoint to start from; {@code null} for a model from scratch. For
 *     distillation it is the teacher (required)
 * @param outputCheckpoint where to write the trained model; {@code null} for nowhere
 * @param tokenizerFile {@code tokenizer.json} or {@code vocab.txt} of the ids, copied into
 *     checkpoints and used to decode QA answers for SQuAD scoring; may be {@code null}
 * @param gpuAddresses GPUs the run owns (Spark resource addresses: NVML indices or UUIDs); empty for CPU
 * @param evalEverySteps evaluate every this many steps (and always at the end); 0 for only at the end
 */
public record TrainingInputs(
        TaskInfo task,
        List<Example> train,
        List<Example> eval,
        int vocabSize,
        Path initCheckpoint,
        Path outputCheckpoint,
        Path tokenizerFile,
        List<String> gpuAddresses,
        int evalEverySteps) {

    public TrainingInputs {
        train = List.copyOf(train);
        eval = List.copyOf(eval);
        gpuAddresses = List.copyOf(gpuAddresses);
        if (vocabSize <= 0) {
            throw new IllegalArgumentException("vocab size must be > 0, was " + vocabSize);
        }
        if (evalEverySteps < 0) {
            throw new IllegalArgumentException("eval-every-steps must be >= 0, was " + evalEverySteps);
        }
    }
}
