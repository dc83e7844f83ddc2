package ftenergy.cli;

import static org.apache.spark.sql.functions.col;

import ftenergy.carbon.CalibrationRun;
import ftenergy.carbon.CalibrationSummary;
import ftenergy.carbon.WallCalibration;
import ftenergy.carbon.WallMeterLog;
import ftenergy.carbon.WallReading;
import ftenergy.config.ConfigReader;
import ftenergy.lake.LakeTables;
import ftenergy.meter.MeterProbe;
import ftenergy.meter.MeterSettings;
import ftenergy.meter.PowerSample;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ftenergy meter probe|calibrate}. */
@Command(name = "meter", header = "probe this host's energy sources; calibrate the wall coefficient from a wall-meter log",
        subcommands = {MeterCommand.Probe.class, MeterCommand.Calibrate.class})
final class MeterCommand {

    @Command(name = "probe", header = "which energy sources exist here, why others do not, and a reading of each",
            description = "Sources: RAPL, NVML, the TDP and RSS models; a reading per component over --seconds.")
    static final class Probe implements LeafCommand {
        @Option(names = "--seconds", defaultValue = "5", description = "Reading length (default: ${DEFAULT-VALUE}).")
        long seconds;

        @Override
        public int run(Invocation invocation) throws InterruptedException {
            MeterProbe.run(invocation.out(), settings(invocation), Duration.ofSeconds(seconds));
            return 0;
        }
    }

    @Command(name = "calibrate", header = "wall coefficient from a wall-meter log, the paper's way",
            description = "Integrates a wall-meter log (timestamp,watts) and the runs' recorded power samples over the same "
                    + "interval; prints wall/software per run and its spread. Put the mean into "
                    + "ftenergy.carbon.wall-coefficient (or host-wall-coefficients).")
    static final class Calibrate implements LeafCommand {
        @Option(names = "--wall", paramLabel = "FILE.csv", required = true, description = "The wall-meter log.")
        Path wall;

        @Option(names = "--runs", paramLabel = "RUN_ID", split = ",", required = true,
                description = "Runs measured while the log was taken (comma-separated or repeated).")
        List<String> runs;

        @Override
        public int run(Invocation invocation) {
            settings(invocation);
            List<WallReading> readings = WallMeterLog.read(wall);
            List<CalibrationRun> results = new ArrayList<>();
            for (String runId : runs) {
                CalibrationRun run = WallCalibration.calibrate(runId, readings, samples(invocation, runId.strip()));
                invocation.out().println(run);
                results.add(run);
            }
            CalibrationSummary summary = WallCalibration.summarize(results);
            invocation.out().println(summary);
            return 0;
        }
    }

    private static MeterSettings settings(Invocation invocation) {
        ConfigReader in = new ConfigReader(invocation.config());
        MeterSettings settings = MeterSettings.read(in);
        in.finish();
        return settings;
    }

    private static List<PowerSample> samples(Invocation invocation, String runId) {
        List<Row> rows = invocation.lakehouse().read(LakeTables.POWER_SAMPLES)
                .where(col("run_id").equalTo(runId))
                .orderBy("at")
                .collectAsList();
        if (rows.isEmpty()) {
            throw new UsageException("run " + runId + " has no power samples in " + invocation.settings().lakehouse());
        }
        List<PowerSample> samples = new ArrayList<>(rows.size());
        for (Row r : rows) {
            samples.add(new PowerSample(r.<java.sql.Timestamp>getAs("at").toInstant(), r.getAs("component"), r.getAs("device"),
                    r.<Double>getAs("watts"), r.<Double>getAs("joules_total")));
        }
        return samples;
    }
}
