package ftenergy.cli;

import ftenergy.analyze.AnalysisResult;
import ftenergy.analyze.AnalyzeJob;
import ftenergy.analyze.AnalyzeSettings;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ftenergy analyze [--sweep ID]}. */
@Command(name = "analyze", header = "fit energy on tokens/time/steps/examples, per-token energy, distillation amortization",
        description = "OLS (Spark MLlib, normal equations) of run energy on tokens, wall time, steps and examples per "
                + "hardware and run kind, J/step and J/token by task, pre-training equivalence and distillation amortization; "
                + "written to the regressions, energy_rates and amortization tables.")
final class AnalyzeCommand implements LeafCommand {

    @Option(names = "--sweep", paramLabel = "ID", split = ",",
            description = "Sweeps to analyse (comma-separated or repeated; default: every sweep in the lakehouse).")
    List<String> sweeps = new ArrayList<>();

    @Override
    public int run(Invocation invocation) {
        AnalysisResult result = analyze(invocation, sweeps);
        AnalysisSummary.print(result, invocation.out());
        return 0;
    }

    static AnalysisResult analyze(Invocation invocation, List<String> sweepIds) {
        AnalyzeSettings defaults = AnalyzeSettings.defaults();
        AnalyzeSettings settings = new AnalyzeSettings(sweepIds, defaults.minRegressionRows(), defaults.parallelFits(),
                defaults.inferencesPerModel());
        invocation.lakehouse();
        return AnalyzeJob.run(invocation.spark(), invocation.settings().lakehouse(), settings);
    }
}
