package ftenergy.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ftenergy.data.Batch;
import ftenergy.data.Example;
import ftenergy.data.TaskType;
import ftenergy.model.BertConfig;
import ftenergy.model.BertModel;
import ftenergy.model.SpecialTokens;
import ftenergy.model.TaskHead;
import ftenergy.run.ModelSpec;
import ftenergy.train.FixedBatchSteps;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code bin/ftenergy bench train}: real tokens per second and model FLOPs utilisation of BERT
 * fine-tuning steps, one line per model size.
 *
 * <p>A step is the product's own: {@link TrainingLoop} with the sequence-classification loss,
 * backward, global-norm clipping and {@link AdamW}, on a batch of synthetic full-length sentences
 * (vocabulary 30,522). MFU is the step's matmul FLOPs ({@link StepFlops}) per second over the FLOP
 * rate of a large matmul ({@link MatmulPeak}) that the same engine, threads and clock measure before
 * every round, so both sides of each round's ratio saw the same machine. A round times several
 * steps together, as many as last {@link TrainBenchSettings#roundSeconds()}: single steps of a small
 * model took a few tenths of a second, and one descheduling moved a round's MFU by a factor of 2.
 * The line gives the median over rounds and their spread (min, interquartile range, max), which
 * says whether two figures differ by more than the machine's noise. On a machine shared with other
 * work, prefer one intra-op thread and
 * {@link BenchClock#THREAD_CPU}; the header reports the load average either way, and the
 * environment that decides how libtorch's OpenMP threads wait ({@code OMP_WAIT_POLICY}: with
 * several threads on a busy machine, spinning threads waiting for a descheduled peer made steps
 * 2.6 to 4 times slower than {@code PASSIVE} here) and how glibc returns memory.
 */
public final class TrainBench {

    private static final int VOCABULARY = 30522;
    private static final int PEAK_REPETITIONS = 3;
    private static final double LEARNING_RATE = 2e-5;
    private static final double WEIGHT_DECAY = 0.01;

    private TrainBench() {
    }

    /**
     * Measures every model of {@code settings} and prints a header and one line per model to {@code out}.
     * Sets libtorch's intra-op threads for the duration and restores them after.
     *
     * @return the measurements, in the settings' model order
     */
    public static List<TrainBenchResult> run(PrintStream out, TrainBenchSettings settings) {
        Engine engine = Engine.getInstance();
        int previousThreads = JniUtils.getNumThreads();
        JniUtils.setNumThreads(settings.intraOpThreads());
        try {
            printHeader(out, engine, settings);
            List<TrainBenchResult> results = new ArrayList<>();
            for (ModelSpec spec : settings.models()) {
                TrainBenchResult result = measure(spec, settings);
                out.println(line(result));
                out.flush();
                results.add(result);
            }
            out.printf(Locale.ROOT, "load average at the end: %.1f on %d cores%n", loadAverage(),
                    Runtime.getRuntime().availableProcessors());
            return results;
        } finally {
            JniUtils.setNumThreads(previousThreads);
        }
    }

    private static TrainBenchResult measure(ModelSpec spec, TrainBenchSettings settings) {
        BertConfig config = BertConfig.of(spec, VOCABULARY);
        TaskHead head = new TaskHead(TaskType.SEQUENCE_CLASSIFICATION, List.of("negative", "positive"));
        double stepFlops = StepFlops.trainingStep(config, settings.batchSize(), settings.seqLen(), head.outputs());
        Batch batch = syntheticBatch(settings);
        Engine.getInstance().setRandomSeed(Long.hashCode(settings.seed()));
        try (NDManager root = NDManager.newBaseManager()) {
            BertModel model = BertModel.create(config, head).initialize(root);
            try (FixedBatchSteps steps = new FixedBatchSteps(root, model, batch, LEARNING_RATE, WEIGHT_DECAY)) {
                if (settings.warmupSteps() > 1) {
                    steps.run(settings.warmupSteps() - 1);
                }
                long start = settings.clock().nanos();
                steps.run(1);
                double warmStepSeconds = (settings.clock().nanos() - start) / 1e9;
                return rounds(spec, config, settings, stepsPerRound(settings.roundSeconds(), warmStepSeconds), stepFlops,
                        batch, root, steps);
            }
        }
    }

    private static TrainBenchResult rounds(ModelSpec spec, BertConfig config, TrainBenchSettings settings, int stepsPerRound,
            double stepFlops, Batch batch, NDManager root, FixedBatchSteps steps) {
        BenchClock clock = settings.clock();
        List<Double> stepSeconds = new ArrayList<>();
        List<Double> peaks = new ArrayList<>();
        List<Double> mfus = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            double peak = MatmulPeak.flopsPerSecond(root, settings.peakMatrixSize(), PEAK_REPETITIONS, clock);
            long start = clock.nanos();
            steps.run(stepsPerRound);
            double seconds = (clock.nanos() - start) / 1e9 / stepsPerRound;
            peaks.add(peak);
            stepSeconds.add(seconds);
            mfus.add(stepFlops / seconds / peak);
        }
        double step = RoundSpread.of(stepSeconds).median();
        return new TrainBenchResult(spec.name(), config.describe(), stepsPerRound, step, batch.tokensReal() / step, stepFlops,
                RoundSpread.of(peaks).median(), mfus);
    }

    /** Steps that last at least {@code roundSeconds} at {@code stepSeconds} each; at least 1. */
    static int stepsPerRound(double roundSeconds, double stepSeconds) {
        return stepSeconds > 0 ? (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(roundSeconds / stepSeconds))) : 1;
    }

    /** Full-length sentences {@code [CLS] w1 .. wn [SEP]} of random non-special tokens, labels alternating. */
    static Batch syntheticBatch(TrainBenchSettings settings) {
        SplittableRandom random = new SplittableRandom(settings.seed());
        SpecialTokens specials = SpecialTokens.BERT;
        int firstWord = specials.maxId() + 1;
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < settings.batchSize(); i++) {
            int[] ids = new int[settings.seqLen()];
            ids[0] = specials.cls();
            for (int t = 1; t < ids.length - 1; t++) {
                ids[t] = random.nextInt(firstWord, VOCABULARY);
            }
            ids[ids.length - 1] = specials.sep();
            examples.add(new Example("bench", "train", "bench-" + i, ids, new int[ids.length], i % 2, new int[0], -1, -1));
        }
        return Batch.of(examples);
    }

    private static void printHeader(PrintStream out, Engine engine, TrainBenchSettings settings) {
        out.printf(Locale.ROOT, "bench train: %s %s on %s, %d intra-op thread(s), clock %s, batch %d x seq %d, %d round(s)"
                        + " of at least %.1f s each (steps per round from the last of %d warm-up step(s))%n",
                engine.getEngineName(), engine.getVersion(), engine.defaultDevice(), settings.intraOpThreads(),
                settings.clock().name().toLowerCase(Locale.ROOT).replace('_', '-'), settings.batchSize(),
                settings.seqLen(), settings.rounds(), settings.roundSeconds(), settings.warmupSteps());
        out.printf(Locale.ROOT, "peak: %dx%d float32 matmul, %d products, measured before every round;"
                + " MFU = (step matmul FLOPs / step seconds) / peak: median over rounds, then min, interquartile range, max%n",
                settings.peakMatrixSize(), settings.peakMatrixSize(), PEAK_REPETITIONS);
        out.println("step FLOPs = 3 x forward (backward = 2 x forward); forward = L x (8NH^2 + 4NHI + 4NTH)"
                + " + 2BH^2 (pooler) + 2BHC (classifier), N = B x T tokens");
        out.printf(Locale.ROOT, "environment: OMP_WAIT_POLICY=%s GOMP_SPINCOUNT=%s GLIBC_TUNABLES=%s%n",
                environment("OMP_WAIT_POLICY"), environment("GOMP_SPINCOUNT"), environment("GLIBC_TUNABLES"));
        double load = loadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "load average at the start: %.1f on %d cores%s%n", load, cores,
                load > 0.5 * cores ? " (busy machine: wall-clock numbers include other work; compare ratios)" : "");
    }

    private static String line(TrainBenchResult r) {
        StringBuilder rounds = new StringBuilder();
        for (double mfu : r.roundMfus()) {
            rounds.append(rounds.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f", 100 * mfu));
        }
        RoundSpread mfu = r.mfuSpread();
        return String.format(Locale.ROOT,
                "%-11s %-26s %8.0f tokens/s  %7.3f s/step  %7.1f GFLOP/step  %6.1f GFLOP/s  peak %6.1f GFLOP/s"
                        + "  MFU %5.1f %% (min %.1f, IQR %.1f-%.1f, max %.1f; %d rounds of %d steps: %s)",
                r.model(), r.shape(), r.tokensPerSecond(), r.stepSeconds(), r.stepFlops() / 1e9,
                r.achievedFlopsPerSecond() / 1e9, r.peakFlopsPerSecond() / 1e9, 100 * mfu.median(), 100 * mfu.min(),
                100 * mfu.lowerQuartile(), 100 * mfu.upperQuartile(), 100 * mfu.max(), r.roundMfus().size(),
                r.stepsPerRound(), rounds);
    }

    private static String environment(String name) {
        String value = System.getenv(name);
        return value == null ? "(unset)" : value;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
