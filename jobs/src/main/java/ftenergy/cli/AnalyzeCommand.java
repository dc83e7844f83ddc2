package ftenergy.cli;

import ftenergy.analyze.AnalysisResult;
import ftenergy.analyze.AnalyzeJob;
import ftenergy.analyze.AnalyzeSettings;
import java.util.List;

/** {@code ftenergy analyze [--sweep ID]}. */
final class AnalyzeCommand implements Command {

    @Override
    public String name() {
        return "analyze";
    }

    @Override
    public String summary() {
        return "fit energy on tokens/time/steps/examples, per-token energy, distillation amortization";
    }

    @Override
    public String usage() {
        return """
                usage: ftenergy analyze [--sweep ID[,ID...]] [--conf FILE] [-Dkey=value ...]
                  OLS (Spark MLlib, normal equations) of run energy on tokens, wall time, steps and examples
                  per hardware and run kind, J/step and J/token by task, pre-training equivalence and
                  distillation amortization; written to the regressions, energy_rates and amortization tables.
                  Without --sweep every sweep in the lakehouse is analysed.
                """;
    }

    @Override
    public int run(Invocation invocation) {
        AnalysisResult result = analyze(invocation, sweeps(invocation));
        AnalysisSummary.print(result, invocation.out());
        return 0;
    }

    static List<String> sweeps(Invocation invocation) {
        String sweeps = invocation.arguments().flags().get("sweep");
        return sweeps == null ? List.of() : List.of(sweeps.split(","));
    }

    static AnalysisResult analyze(Invocation invocation, List<String> sweepIds) {
        AnalyzeSettings defaults = AnalyzeSettings.defaults();
        AnalyzeSettings settings = new AnalyzeSettings(sweepIds, defaults.minRegressionRows(), defaults.parallelFits(),
                defaults.inferencesPerModel());
        invocation.lakehouse();
        return AnalyzeJob.run(invocation.spark(), invocation.settings().lakehouse(), settings);
    }
}
