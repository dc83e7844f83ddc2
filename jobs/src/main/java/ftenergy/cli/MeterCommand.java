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

/** {@code ftenergy meter probe|calibrate}. */
final class MeterCommand implements Command {

    @Override
    public String name() {
        return "meter";
    }

    @Override
    public String summary() {
        return "probe this host's energy sources; calibrate the wall coefficient from a wall-meter log";
    }

    @Override
    public String usage() {
        return """
                usage: ftenergy meter probe [--seconds 5]
                       ftenergy meter calibrate --wall FILE.csv --runs RUN_ID[,RUN_ID...]
                  probe      which sources (RAPL, NVML, TDP and RSS models) exist here, why others do not,
                             and a reading per component over --seconds
                  calibrate  wall coefficient the paper's way: integrate a wall-meter log (timestamp,watts)
                             and the runs' recorded power samples over the same interval; prints
                             wall/software per run and its spread. Put the mean into
                             ftenergy.carbon.wall-coefficient (or host-wall-coefficients).
                """;
    }

    @Override
    public int run(Invocation invocation) throws Exception {
        ConfigReader in = new ConfigReader(invocation.config());
        MeterSettings settings = MeterSettings.read(in);
        in.finish();
        String action = invocation.arguments().word(1);
        if ("probe".equals(action)) {
            long seconds = Long.parseLong(invocation.arguments().flags().getOrDefault("seconds", "5"));
            MeterProbe.run(invocation.out(), settings, Duration.ofSeconds(seconds));
            return 0;
        }
        if ("calibrate".equals(action)) {
            String wall = invocation.arguments().flags().get("wall");
            String runs = invocation.arguments().flags().get("runs");
            if (wall == null || runs == null) {
                throw new UsageException("calibrate needs --wall FILE.csv and --runs RUN_ID[,RUN_ID...]");
            }
            List<WallReading> readings = WallMeterLog.read(Path.of(wall));
            List<CalibrationRun> results = new ArrayList<>();
            for (String runId : runs.split(",")) {
                CalibrationRun run = WallCalibration.calibrate(runId, readings, samples(invocation, runId.strip()));
                invocation.out().println(run);
                results.add(run);
            }
            CalibrationSummary summary = WallCalibration.summarize(results);
            invocation.out().println(summary);
            return 0;
        }
        throw new UsageException("meter needs an action: probe or calibrate");
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
