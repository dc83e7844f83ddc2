package ftenergy.bench;

import ftenergy.run.ModelSpec;
import java.util.List;

/**
 * What {@link TrainBench} measures and how.
 *
 * <p>Example: {@code TrainBenchSettings.DEFAULTS.withThreads(1).withClock(BenchClock.THREAD_CPU)}
 * for a machine busy with other work.
 *
 * @param models the model sizes, one output line each
 * @param batchSize examples per step (every example is {@code seqLen} real tokens)
 * @param seqLen tokens per example
 * @param rounds measurement rounds per model; each is a peak matmul measurement then {@code stepsPerRound} steps
 * @param stepsPerRound fine-tuning steps timed together in one round
 * @param warmupSteps untimed steps first (allocator, packing buffers, JIT)
 * @param intraOpThreads libtorch intra-op threads for the whole benchmark
 * @param clock wall or thread CPU time ({@link BenchClock#THREAD_CPU} needs one intra-op thread)
 * @param peakMatrixSize side of the square matmul that measures the peak
 * @param seed engine seed (initial weights, dropout) and synthetic token ids
 */
public record TrainBenchSettings(List<ModelSpec> models, int batchSize, int seqLen, int rounds, int stepsPerRound,
        int warmupSteps, int intraOpThreads, BenchClock clock, int peakMatrixSize, long seed) {

    /** BERT-tiny (2/128), BERT-mini (4/256) and BERT-small (4/512), as Turc et al. released them. */
    public static final List<ModelSpec> BERT_SMALL_MODELS = List.of(
            new ModelSpec("bert-tiny", 2, 128, 2, 512, "scratch"),
            new ModelSpec("bert-mini", 4, 256, 4, 1024, "scratch"),
            new ModelSpec("bert-small", 4, 512, 8, 2048, "scratch"));

    /** The setting: the three small BERTs, batch 32 × 128 tokens, all cores, wall clock. */
    public static final TrainBenchSettings DEFAULTS = new TrainBenchSettings(BERT_SMALL_MODELS, 32, 128, 5, 1, 2,
            Runtime.getRuntime().availableProcessors(), BenchClock.WALL, 2048, 42);

    public TrainBenchSettings {
        models = List.copyOf(models);
        if (models.isEmpty() || batchSize <= 0 || seqLen < 2 || rounds <= 0 || stepsPerRound <= 0 || warmupSteps < 0
                || intraOpThreads <= 0 || peakMatrixSize <= 0) {
            throw new IllegalArgumentException("bench settings need models, batch > 0, seq >= 2, rounds > 0, steps > 0,"
                    + " warm-up >= 0, threads > 0, matrix > 0; got " + models.size() + " models, batch " + batchSize
                    + ", seq " + seqLen + ", rounds " + rounds + ", steps " + stepsPerRound + ", warm-up " + warmupSteps
                    + ", threads " + intraOpThreads + ", matrix " + peakMatrixSize);
        }
        if (clock == BenchClock.THREAD_CPU && intraOpThreads != 1) {
            throw new IllegalArgumentException("clock thread-cpu counts only the calling thread's CPU time: it needs 1"
                    + " intra-op thread, got " + intraOpThreads);
        }
    }

    /** The same settings with another number of libtorch intra-op threads. */
    public TrainBenchSettings withThreads(int threads) {
        return new TrainBenchSettings(models, batchSize, seqLen, rounds, stepsPerRound, warmupSteps, threads, clock,
                peakMatrixSize, seed);
    }

    /** The same settings with another clock. */
    public TrainBenchSettings withClock(BenchClock benchClock) {
        return new TrainBenchSettings(models, batchSize, seqLen, rounds, stepsPerRound, warmupSteps, intraOpThreads,
                benchClock, peakMatrixSize, seed);
    }

    /** The same settings for other models. */
    public TrainBenchSettings withModels(List<ModelSpec> specs) {
        return new TrainBenchSettings(specs, batchSize, seqLen, rounds, stepsPerRound, warmupSteps, intraOpThreads,
                clock, peakMatrixSize, seed);
    }

    /** The same settings with another number of rounds. */
    public TrainBenchSettings withRounds(int count) {
        return new TrainBenchSettings(models, batchSize, seqLen, count, stepsPerRound, warmupSteps, intraOpThreads,
                clock, peakMatrixSize, seed);
    }
}
