package ftenergy.cli;

import ftenergy.config.ConfigReader;
import ftenergy.meter.MeterOverheadBench;
import ftenergy.meter.MeterSettings;
import java.time.Duration;

/** {@code ftenergy bench meter|...}: benchmarks that report ratios measured side by side in one run. */
final class BenchCommand implements Command {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "benchmarks: meter overhead, training throughput/MFU, padding, tokenization, orchestration";
    }

    @Override
    public String usage() {
        return """
                usage: ftenergy bench meter [--rounds 11] [--seconds-per-round 2]
                  meter   a CPU-bound loop without and with the meter at 1 s and 100 ms sampling,
                          alternated; prints the slowdown ratios
                """;
    }

    @Override
    public int run(Invocation invocation) throws Exception {
        String which = invocation.arguments().word(1);
        if ("meter".equals(which)) {
            ConfigReader in = new ConfigReader(invocation.config());
            MeterSettings settings = MeterSettings.read(in);
            in.finish();
            int rounds = Integer.parseInt(invocation.arguments().flags().getOrDefault("rounds", "11"));
            double seconds = Double.parseDouble(invocation.arguments().flags().getOrDefault("seconds-per-round", "2"));
            MeterOverheadBench.run(invocation.out(), settings, rounds, Duration.ofMillis((long) (seconds * 1000)));
            return 0;
        }
        throw new UsageException("unknown benchmark '" + which + "'");
    }
}
