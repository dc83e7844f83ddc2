package ftenergy.cli;

import ftenergy.carbon.CarbonSettings;
import ftenergy.carbon.GridIntensityTable;
import ftenergy.config.ConfigReader;
import ftenergy.meter.EnergyMeter;
import ftenergy.meter.MeterSettings;
import ftenergy.plan.SweepPlan;
import ftenergy.plan.SweepPlanner;
import ftenergy.plan.SweepSettings;
import ftenergy.prepare.PrepareJob;
import ftenergy.sweep.SweepJob;
import ftenergy.sweep.SweepOutcome;
import ftenergy.sweep.SweepPlanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ftenergy sweep [--plan]}. */
@Command(name = "sweep", header = "run a sweep (pretrain, distill, fine-tune grid x seeds, inference), metered, into the lakehouse",
        description = {
            "Launches every run of the sweep not already succeeded in the lakehouse (re-submitting finishes only what is "
                    + "missing), each as its own Spark job, committing each result as it arrives. Progress: one line per run "
                    + "event and a summary every 30 s.",
            "Exit status: 0 when no run failed; 1 when some run failed every attempt; 3 when a newer submission of the same "
                    + "sweep took it over (that one finishes it)."})
final class SweepCommand implements LeafCommand {

    /** Exit status of a submission superseded by a newer one of the same sweep. */
    static final int TAKEN_OVER = 3;

    @Option(names = "--plan", description = "Print the runs, their exact real and padded token totals and, once `analyze` has "
            + "fitted this hardware, predicted kWh and kg CO2e; run nothing.")
    boolean plan;

    @Option(names = "--hardware", paramLabel = "NAME", description = "Hardware --plan predicts for (default: this host's CPU model).")
    String hardware;

    @Override
    public int run(Invocation invocation) throws Exception {
        SweepSettings sweep = settings(invocation);
        if (plan) {
            SweepPlan runs = SweepPlanner.plan(sweep);
            ConfigReader in = new ConfigReader(invocation.config());
            MeterSettings meterSettings = MeterSettings.read(in);
            in.finish();
            String predictedFor = hardware;
            if (predictedFor == null) {
                try (EnergyMeter meter = EnergyMeter.open(meterSettings, java.util.List.of())) {
                    predictedFor = meter.host().cpuModel();
                }
            }
            CarbonSettings carbon = CarbonSettings.read(in, "driver");
            in.finish();
            double grams = carbon.intensityOverrideGramsPerKwh().isPresent()
                    ? carbon.intensityOverrideGramsPerKwh().getAsDouble()
                    : GridIntensityTable.shipped().lookup(carbon.region()).gramsPerKwh();
            SweepPlanReport.print(invocation.lakehouse(), invocation.settings(), sweep, runs, predictedFor,
                    grams * carbon.wallCoefficient() * carbon.pue(), invocation.out());
            return 0;
        }
        PrepareJob.checkSources(invocation.spark(), sweep); // before the lakehouse's tables are created or read
        SweepOutcome outcome = SweepJob.run(invocation.lakehouse(), invocation.config(), invocation.settings(), sweep, invocation.out());
        if (outcome.takenOver()) {
            return TAKEN_OVER;
        }
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
