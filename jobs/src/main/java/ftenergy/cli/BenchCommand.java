package ftenergy.cli;

import ftenergy.bench.BenchClock;
import ftenergy.bench.LakeBench;
import ftenergy.bench.MeterOverheadBench;
import ftenergy.bench.OrchestrationBench;
import ftenergy.bench.PaddingBench;
import ftenergy.bench.PrepareBench;
import ftenergy.bench.TokenizeBench;
import ftenergy.bench.TrainBench;
import ftenergy.bench.TrainBenchSettings;
import ftenergy.config.ConfigReader;
import ftenergy.data.CorpusStore;
import ftenergy.data.CorpusTokenizer;
import ftenergy.data.NpmPack;
import ftenergy.data.RunLength;
import ftenergy.meter.MeterSettings;
import ftenergy.text.WordPieceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code ftenergy bench meter|train|padding|tokenize|orchestration|lake|prepare}: figures measured side by side in one run. */
@Command(name = "bench", header = "benchmarks: meter overhead, training throughput and MFU, padding, tokenization, orchestration,"
        + " lake reads, preparing a task of real size",
        subcommands = {BenchCommand.Meter.class, BenchCommand.Train.class, BenchCommand.Padding.class, BenchCommand.Tokenize.class,
                BenchCommand.Orchestration.class, BenchCommand.Lake.class, BenchCommand.Prepare.class})
final class BenchCommand {

    @Command(name = "meter", header = "a CPU-bound loop without and with the meter at 1 s and 100 ms sampling, alternated; "
            + "slowdown ratios")
    static final class Meter implements LeafCommand {
        @Option(names = "--rounds", defaultValue = "11", description = "Default: ${DEFAULT-VALUE}.")
        int rounds;

        @Option(names = "--seconds-per-round", defaultValue = "2", description = "Default: ${DEFAULT-VALUE}.")
        double secondsPerRound;

        @Override
        public int run(Invocation invocation) {
            ConfigReader in = new ConfigReader(invocation.config());
            MeterSettings settings = MeterSettings.read(in);
            in.finish();
            MeterOverheadBench.run(invocation.out(), settings, rounds, Duration.ofMillis((long) (secondsPerRound * 1000)));
            return 0;
        }
    }

    @Command(name = "train", header = "tokens/s and MFU of BERT-tiny, -mini and -small at batch 32 x 128",
            description = "MFU: fine-tuning step FLOP/s over a large matmul's, same engine, same run.")
    static final class Train implements LeafCommand {
        @Option(names = "--threads", description = "Intra-op threads (default: this host's processors).")
        Integer threads;

        @Option(names = "--rounds", defaultValue = "5", description = "Default: ${DEFAULT-VALUE}.")
        int rounds;

        @Option(names = "--clock", paramLabel = "wall|thread-cpu", defaultValue = "wall", converter = ClockName.class,
                description = "What a step's time is measured with (default: ${DEFAULT-VALUE}).")
        BenchClock clock;

        @Override
        public int run(Invocation invocation) {
            TrainBenchSettings settings = TrainBenchSettings.DEFAULTS
                    .withThreads(threads != null ? threads : Runtime.getRuntime().availableProcessors())
                    .withRounds(rounds)
                    .withClock(clock);
            TrainBench.run(invocation.out(), settings);
            return 0;
        }
    }

    @Command(name = "padding", header = "padded tokens of length-grouped vs plain shuffled batches on the stand-in tasks "
            + "(3 epochs, 3 seeds)")
    static final class Padding implements LeafCommand {
        @Option(names = "--max-length", defaultValue = "512", description = "Default: ${DEFAULT-VALUE}.")
        int maxLength;

        @Option(names = "--batch", defaultValue = "16", description = "Default: ${DEFAULT-VALUE}.")
        int batch;

        @Override
        public int run(Invocation invocation) {
            CorpusStore store = store(invocation);
            PaddingBench.run(invocation.out(), store, tokenizer(store), maxLength, batch, new RunLength(3, 0), new long[] {1, 2, 3});
            return 0;
        }
    }

    @Command(name = "tokenize", header = "examples/s of the example encoder per task")
    static final class Tokenize implements LeafCommand {
        @Option(names = "--max-length", defaultValue = "128", description = "Default: ${DEFAULT-VALUE}.")
        int maxLength;

        @Option(names = "--threads", defaultValue = "2", description = "Default: ${DEFAULT-VALUE}.")
        int threads;

        @Override
        public int run(Invocation invocation) throws Exception {
            CorpusStore store = store(invocation);
            TokenizeBench.run(invocation.out(), store, tokenizer(store), maxLength, threads, 3, 2000);
            return 0;
        }
    }

    @Command(name = "orchestration", header = "a sweep of many tiny runs: result-to-commit and launch latencies, core use")
    static final class Orchestration implements LeafCommand {
        @Option(names = "--runs", defaultValue = "100", description = "Default: ${DEFAULT-VALUE}.")
        int runs;

        @Option(names = "--rounds", defaultValue = "2", description = "Default: ${DEFAULT-VALUE}.")
        int rounds;

        @Override
        public int run(Invocation invocation) throws Exception {
            OrchestrationBench.run(invocation.spark(), invocation.settings().dataDir(), Files.createTempDirectory("ftenergy-bench-"),
                    runs, rounds, invocation.out());
            return 0;
        }
    }

    /** {@code wall} and {@code thread-cpu} name the {@link BenchClock} constants. */
    static final class ClockName implements ITypeConverter<BenchClock> {
        @Override
        public BenchClock convert(String value) {
            for (BenchClock clock : BenchClock.values()) {
                if (clock.name().replace('_', '-').equalsIgnoreCase(value)) {
                    return clock;
                }
            }
            throw new TypeConversionException("expected wall or thread-cpu, was '" + value + "'");
        }
    }

    private static CorpusStore store(Invocation invocation) {
        return new CorpusStore(invocation.settings().dataDir(), NpmPack.onPath());
    }

    private static Path tokenizer(CorpusStore store) {
        return CorpusTokenizer.ensure(store, WordPieceConfig.uncased(30522));
    }

    @Command(name = "lake", header = "reading runs and a sweep's start-up state after N runs: no checkpoint, checkpointed, compacted",
            description = "Commits --runs runs the way a sweep does (one Delta Kernel append per run to each run table), then "
                    + "times a query over runs and a sweep's start-up read with Delta's snapshot cache cleared, without "
                    + "checkpoints, with a checkpoint, and after OPTIMIZE; medians and ratios. Building 10,000 runs takes a "
                    + "while: progress is printed every 30 s.")
    static final class Lake implements LeafCommand {
        @Option(names = "--runs", defaultValue = "10000", description = "Default: ${DEFAULT-VALUE}.")
        int runs;

        @Option(names = "--rounds", defaultValue = "3", description = "Default: ${DEFAULT-VALUE}.")
        int rounds;

        @Option(names = "--work", paramLabel = "DIR", description = "An empty directory for the lakehouse (default: a temporary one).")
        Path work;

        @Override
        public int run(Invocation invocation) throws Exception {
            Path dir = work != null ? work : Files.createTempDirectory("ftenergy-bench-lake");
            LakeBench.run(invocation.spark(), dir, runs, rounds, invocation.out());
            return 0;
        }
    }

    @Command(name = "prepare", header = "a declared CSV task of --rows synthetic reviews prepared, then fine-tuned --steps steps:"
            + " seconds and peak heap of each phase",
            description = "Writes the CSV (400,000 rows: MNLI's size), a vocabulary and a small corpus, then prepares the task on"
                    + " this session's Spark and runs a sweep pre-training a tiny model and fine-tuning it on the task, whose run"
                    + " reads its examples from the examples table on the executor. Run it with the driver at its default memory.")
    static final class Prepare implements LeafCommand {
        @Option(names = "--rows", defaultValue = "400000", description = "Default: ${DEFAULT-VALUE}.")
        int rows;

        @Option(names = "--steps", defaultValue = "5", description = "Fine-tuning steps (default: ${DEFAULT-VALUE}).")
        int steps;

        @Override
        public int run(Invocation invocation) throws Exception {
            PrepareBench.run(invocation.spark(), Files.createTempDirectory("ftenergy-bench-prepare"), rows, steps, invocation.out());
            return 0;
        }
    }
}
