package ftenergy.cli;

import ftenergy.report.ReportJob;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** {@code ftenergy report}. */
@Command(name = "report", header = "write the self-contained HTML report and PNG/SVG figures",
        description = "Figures (energy vs tokens/time/steps/examples with fits, metric vs CO2e, amortization) and one "
                + "self-contained HTML file with tables, fitted equations and how every number was measured, under "
                + "ftenergy.reports (--reports). Run `ftenergy analyze` first.")
final class ReportCommand implements LeafCommand {

    @Override
    public int run(Invocation invocation) {
        Path html = write(invocation);
        invocation.out().println("report: " + html.toAbsolutePath());
        return 0;
    }

    static Path write(Invocation invocation) {
        invocation.lakehouse();
        return ReportJob.run(invocation.spark(), invocation.settings().lakehouse(), invocation.settings().reports());
    }
}
