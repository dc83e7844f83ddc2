package ftenergy.cli;

import ftenergy.analyze.AnalysisResult;
import ftenergy.plan.SweepSettings;
import ftenergy.sweep.SweepJob;
import ftenergy.sweep.SweepOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code ftenergy demo}: the whole pipeline on local Spark with the demo sweep. */
@Command(name = "demo",
        header = "the main job: fetch data, tokenizer, pretrain, distill, fine-tune grid x 3 seeds, inference, analyze, report",
        description = "Runs a sweep end to end into the lakehouse (bin/ftenergy gives it conf/sweeps/demo.conf unless a "
                + "--config is named): fetches the corpora (npm), trains the WordPiece tokenizer, pre-trains a small BERT, "
                + "distills it, fine-tunes teacher and student on two stand-in tasks over a small grid x 3 seeds, measures "
                + "inference, fits the regressions and writes the HTML report. Re-running resumes what is missing.")
final class DemoCommand implements LeafCommand {

    @Override
    public int run(Invocation invocation) throws Exception {
        long started = System.nanoTime();
        SweepSettings sweep = SweepCommand.settings(invocation);
        invocation.out().println("demo: step 1/3 sweep " + sweep.id() + " (prepare data, then every run, metered)");
        SweepOutcome outcome = SweepJob.run(invocation.lakehouse(), invocation.config(), invocation.settings(), sweep, invocation.out());
        invocation.out().println("demo: step 2/3 analyze");
        AnalysisResult analysis = AnalyzeCommand.analyze(invocation, List.of(sweep.id()));
        AnalysisSummary.print(analysis, invocation.out());
        invocation.out().println("demo: step 3/3 report");
        Path html = ReportCommand.write(invocation);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        invocation.out().printf("demo done in %dm%02ds: %d runs succeeded, %d failed, %d diverged%n",
                took.toMinutes(), took.toSecondsPart(), outcome.succeeded(), outcome.failed(), outcome.diverged());
        invocation.out().println("report: " + html.toAbsolutePath());
        invocation.out().println("tables: " + invocation.settings().lakehouse() + " (bin/ftenergy lake describe)");
        return outcome.failed() == 0 ? 0 : 1;
    }
}
