package ftenergy.cli;

import ftenergy.config.ConfigReader;
import ftenergy.plan.SweepPlan;
import ftenergy.plan.SweepPlanner;
import ftenergy.plan.SweepSettings;
import ftenergy.sweep.SweepJob;
import ftenergy.sweep.SweepOutcome;
import ftenergy.sweep.SweepPlanReport;

/** {@code ftenergy sweep [--plan]}. */
final class SweepCommand implements Command {

    @Override
    public String name() {
        return "sweep";
    }

    @Override
    public String summary() {
        return "run a sweep (pretrain, distill, fine-tune grid x seeds, inference), metered, into the lakehouse";
    }

    @Override
    public String usage() {
        return """
                usage: ftenergy sweep [--plan] [--conf conf/sweeps/NAME.conf] [-Dkey=value ...]
                  Launches every run of the sweep not already succeeded in the lakehouse (re-submitting
                  finishes only what is missing), each as its own Spark job, committing each result as
                  it arrives. Progress: one line per run event and a summary every 30 s.
                  --plan  print the runs, their exact real and padded token totals and, once `analyze`
                          has fitted this hardware, predicted kWh and kg CO2e; runs nothing
                """;
    }

    @Override
    public int run(Invocation invocation) throws Exception {
        SweepSettings sweep = settings(invocation);
        if (invocation.arguments().flag("plan")) {
            SweepPlan plan = SweepPlanner.plan(sweep);
            SweepPlanReport.print(invocation.lakehouse(), invocation.config(), invocation.settings(), sweep, plan, invocation.out());
            return 0;
        }
        SweepOutcome outcome = SweepJob.run(invocation.lakehouse(), invocation.config(), invocation.settings(), sweep, invocation.out());
        return outcome.failed() == 0 ? 0 : 1;
    }

    /** The sweep settings, validated together with meter and carbon settings before any Spark work. */
    static SweepSettings settings(Invocation invocation) {
        ConfigReader in = new ConfigReader(invocation.config());
        SweepSettings sweep = SweepSettings.read(in);
        ftenergy.meter.MeterSettings.read(in);
        ftenergy.carbon.CarbonSettings.read(in, "driver");
        in.finish();
        return sweep;
    }
}
