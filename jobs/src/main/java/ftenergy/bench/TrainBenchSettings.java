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
 * @param rounds measurement rounds per model; each is a peak matmul measurement then the model's
 *     steps per round, timed together
 * @param roundSeconds the least a round lasts: a model's steps per round are this over the time of
 *     its last warm-up step, rounded up (at least 1), so fast and slow models are timed over
 *     similar spans instead of single steps that scheduling noise dominates
 * @param warmupSteps steps before the rounds (allocator, packing buffers, JIT), at least 1: the last
 *     one sizes the rounds
 * @param intraOpThreads libtorch intra-op threads for the whole benchmark
 * @param clock wall or thread CPU time ({@link BenchClock#THREAD_CPU} needs one intra-op thread)
 * @param peakMatrixSize side of the square matmul that measures the peak
 * @param seed engine seed (initial weights, dropout) and synthetic token ids
 */
public record TrainBenchSettings(List<ModelSpec> models, int batchSize, int seqLen, int rounds, double roundSeconds,
        int warmupSteps, int intraOpThreads, BenchClock clock, int peakMatrixSize, long seed) {

    /** BERT-tiny (2/128), BERT-mini (4/256) and BERT-small (4/512), as Turc et al. released them. */
    public static final List<ModelSpec> BERT_SMALL_MODELS = List.of(
            new ModelSpec("bert-tiny", 2, 128, 2, 512, "scratch"),
            new ModelSpec("bert-mini", 4, 256, 4, 1024, "scratch"),
            new ModelSpec("bert-small", 4, 512, 8, 2048, "scratch"));

    /**
     * The setting: the three small BERTs, batch 32 × 128 tokens, all cores, wall clock; 5
     * rounds of at least 3 s after 2 warm-up steps. 3 s is some 10 to 15 BERT-tiny steps here,
     * one BERT-mini or BERT-small step: long against scheduler slices and the bursts of other work
     * on a shared machine, short enough not to lengthen the larger models' runs. Measured on a 2-core
     * machine at load 10 to 12, wall clock: BERT-tiny's interquartile range over 9 rounds was 61 and
     * 83 % of the median with 1-step rounds, 55 and 26 % with 3 s rounds; BERT-mini, one 3 s step a
     * round, 23 and 9 %. With one thread and the thread-CPU clock, which such a machine wants, rounds
     * were steadier either way: 12 and 3 % with 1 step, 6 and 4 % with 15.
     */
    public static final TrainBenchSettings DEFAULTS = new TrainBenchSettings(BERT_SMALL_MODELS, 32, 128, 5, 3.0, 2,
            Runtime.getRuntime().availableProcessors(), BenchClock.WALL, 2048, 42);

    public TrainBenchSettings {
        models = List.copyOf(models);
        if (models.isEmpty() || batchSize <= 0 || seqLen < 2 || rounds <= 0 || !(roundSeconds > 0) || warmupSteps < 1
                || intraOpThreads <= 0 || peakMatrixSize <= 0) {
            throw new IllegalArgumentException("bench settings need models, batch > 0, seq >= 2, rounds > 0, round seconds > 0,"
                    + " warm-up >= 1, threads > 0, matrix > 0; got " + models.size() + " models, batch " + batchSize
                    + ", seq " + seqLen + ", rounds " + rounds + ", round seconds " + roundSeconds + ", warm-up " + warmupSteps
                    + ", threads " + intraOpThreads + ", matrix " + peakMatrixSize);
        }
        if (clock == BenchClock.THREAD_CPU && intraOpThreads != 1) {
            throw new IllegalArgumentException("clock thread-cpu counts only the calling thread's CPU time: it needs 1"
                    + " intra-op thread, got " + intraOpThreads);
        }
    }

    /** The same settings with another number of libtorch intra-op threads. */
    public TrainBenchSettings withThreads(int threads) {
        return new TrainBenchSettings(models, batchSize, seqLen, rounds, roundSeconds, warmupSteps, threads, clock,
                peakMatrixSize, seed);
    }

    /** The same settings with another clock. */
    public TrainBenchSettings withClock(BenchClock benchClock) {
        return new TrainBenchSettings(models, batchSize, seqLen, rounds, roundSeconds, warmupSteps, intraOpThreads,
                benchClock, peakMatrixSize, seed);
    }

    /** The same settings for other models. */
    public TrainBenchSettings withModels(List<ModelSpec> specs) {
        return new TrainBenchSettings(specs, batchSize, seqLen, rounds, roundSeconds, warmupSteps, intraOpThreads,
                clock, peakMatrixSize, seed);
    }

    /** The same settings with another number of rounds. */
    public TrainBenchSettings withRounds(int count) {
        return new TrainBenchSettings(models, batchSize, seqLen, count, roundSeconds, warmupSteps, intraOpThreads,
                clock, peakMatrixSize, seed);
    }

    /** The same settings with rounds lasting at least {@code seconds}. */
    public TrainBenchSettings withRoundSeconds(double seconds) {
        return new TrainBenchSettings(models, batchSize, seqLen, rounds, seconds, warmupSteps, intraOpThreads, clock,
                peakMatrixSize, seed);
    }
}
