package ftenergy.cli;

import ftenergy.stats.RegressionFit;
import ftenergy.amortization.AmortizationRow;
import ftenergy.analyze.AnalysisResult;
import ftenergy.stats.EnergyRate;
import java.io.PrintStream;

/** The analysis in a few lines a person reads at the end of {@code analyze} and {@code demo}. */
final class AnalysisSummary {

    private AnalysisSummary() {}

    static void print(AnalysisResult result, PrintStream out) {
        out.println("regressions (response ~ predictor set): group, R^2, held-out MAPE, rows");
        for (RegressionFit fit : result.regressions().fits()) {
            out.printf("  %-16s ~ %-22s %-10s %-9s %-22s batch=%-4s intercept=%-5s R2=%.3f MAPE=%.1f%% n=%d%n", fit.response(),
                    fit.predictorSet(), fit.kind(), abbreviate(fit.hardware()), fit.model(), fit.batchSize() == 0 ? "all" : fit.batchSize(),
                    fit.withIntercept(), fit.r2(), fit.heldOutMapePercent(), fit.rows());
        }
        result.regressions().skipped().forEach(line -> out.println("  skipped: " + line));
        out.println("energy per token by task (J per padded token, J per real token, J per step):");
        for (EnergyRate rate : result.rates()) {
            out.printf("  %-9s %-22s %-20s batch=%-4d runs=%d  %.4g J/padded-token  %.4g J/real-token  %.4g J/step%n", rate.kind(),
                    rate.model(), rate.task(), rate.batchSize(), rate.runs(), rate.joulesPerPaddedTokenMean(),
                    rate.joulesPerRealTokenMean(), rate.joulesPerStepMean());
        }
        out.println("distillation amortization:");
        for (AmortizationRow row : result.amortization()) {
            out.printf("  %-20s k=%-8d inference batch=%-4d pretrain=%.3g kWh distill=+%.1f%% student saves %.1f%% per fine-tune; "
                            + "pretrain = %.0f fine-tunes; N*=%s (%s)%n",
                    row.task(), row.inferencesPerModel(), row.inferenceBatchSize(), row.pretrainKwh(), row.distillOverheadPercent(),
                    row.finetuneSavingPercent(), row.pretrainEquivalence(),
                    row.amortizes() ? String.format("%.0f", row.nStar()) : "never", row.verdict());
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 9 ? text.substring(0, 9) : text;
    }
}
