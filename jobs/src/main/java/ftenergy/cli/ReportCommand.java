package ftenergy.cli;

import ftenergy.report.ReportJob;
import java.nio.file.Path;

/** {@code ftenergy report}. */
final class ReportCommand implements Command {

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "write the self-contained HTML report and PNG/SVG figures";
    }

    @Override
    public String usage() {
        return """
                usage: ftenergy report [--reports DIR] [--conf FILE] [-Dkey=value ...]
                  Figures (energy vs tokens/time/steps/examples with fits, metric vs CO2e, amortization)
                  and one self-contained HTML file with tables, fitted equations and how every number was
                  measured, under ftenergy.reports. Run `ftenergy analyze` first.
                """;
    }

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
