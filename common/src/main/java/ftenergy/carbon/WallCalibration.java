package ftenergy.carbon;

import ftenergy.meter.PowerSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wall coefficient the paper's way: a wall meter logs the node while a run is metered; both
 * are integrated over the span they share, and wall / software is the coefficient. Several runs
 * give its spread.
 */
public final class WallCalibration {
    private WallCalibration() {}

    /**
     * Compares {@code wall} (time-ordered readings) with a run's power samples over the span both
     * cover. Wall power is integrated with the trapezoid rule; software energy is each device's
     * cumulative {@link PowerSample#joulesTotal()} at the span's ends (linearly interpolated),
     * summed over devices.
     *
     * @throws CarbonException if either side has fewer than two readings or they do not overlap
     */
    public static CalibrationRun calibrate(String label, List<WallReading> wall, List<PowerSample> samples) {
        Map<String, List<PowerSample>> series = new LinkedHashMap<>();
        for (PowerSample s : samples) {
            series.computeIfAbsent(s.component() + "/" + s.device(), k -> new ArrayList<>()).add(s);
        }
        if (wall.size() < 2 || series.isEmpty() || series.values().stream().anyMatch(l -> l.size() < 2)) {
            throw CarbonException.calibration(label + ": need at least two wall readings and two samples per device");
        }
        Instant from = wall.get(0).at();
        Instant to = wall.get(wall.size() - 1).at();
        for (List<PowerSample> device : series.values()) {
            from = later(from, device.get(0).at());
            to = earlier(to, device.get(device.size() - 1).at());
        }
        if (!to.isAfter(from)) {
            throw CarbonException.calibration(label + ": wall log (" + wall.get(0).at() + " .. " + wall.get(wall.size() - 1).at()
                    + ") and power samples do not overlap");
        }
        double software = 0;
        for (List<PowerSample> device : series.values()) {
            software += cumulativeAt(device, to) - cumulativeAt(device, from);
        }
        if (!(software > 0)) {
            throw CarbonException.calibration(label + ": the meter recorded no energy between " + from + " and " + to);
        }
        return new CalibrationRun(label, from, to, integrate(wall, from, to), software);
    }

    /** Mean, sample standard deviation and range of the runs' coefficients. */
    public static CalibrationSummary summarize(List<CalibrationRun> runs) {
        if (runs.isEmpty()) {
            throw CarbonException.calibration("no runs to summarise");
        }
        double mean = runs.stream().mapToDouble(CalibrationRun::coefficient).average().orElseThrow();
        double squares = runs.stream().mapToDouble(r -> (r.coefficient() - mean) * (r.coefficient() - mean)).sum();
        double stdDev = runs.size() > 1 ? Math.sqrt(squares / (runs.size() - 1)) : 0;
        return new CalibrationSummary(runs, mean, stdDev,
                runs.stream().mapToDouble(CalibrationRun::coefficient).min().orElseThrow(),
                runs.stream().mapToDouble(CalibrationRun::coefficient).max().orElseThrow());
    }

    /** Trapezoid integral of wall power over [from, to], the ends interpolated. */
    static double integrate(List<WallReading> wall, Instant from, Instant to) {
        double joules = 0;
        for (int i = 1; i < wall.size(); i++) {
            WallReading a = wall.get(i - 1);
            WallReading b = wall.get(i);
            Instant start = later(a.at(), from);
            Instant end = earlier(b.at(), to);
            if (end.isAfter(start)) {
                double wStart = interpolate(a.at(), a.watts(), b.at(), b.watts(), start);
                double wEnd = interpolate(a.at(), a.watts(), b.at(), b.watts(), end);
                joules += (wStart + wEnd) / 2 * seconds(start, end);
            }
        }
        return joules;
    }

    private static double cumulativeAt(List<PowerSample> device, Instant t) {
        for (int i = 1; i < device.size(); i++) {
            PowerSample a = device.get(i - 1);
            PowerSample b = device.get(i);
            if (!t.isAfter(b.at())) {
                return interpolate(a.at(), a.joulesTotal(), b.at(), b.joulesTotal(), t);
            }
        }
        return device.get(device.size() - 1).joulesTotal();
    }

    private static double interpolate(Instant t0, double v0, Instant t1, double v1, Instant t) {
        double span = seconds(t0, t1);
        return span <= 0 ? v1 : v0 + (v1 - v0) * seconds(t0, t) / span;
    }

    private static double seconds(Instant a, Instant b) {
        return Duration.between(a, b).toNanos() / 1e9;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
