package ftenergy.carbon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.meter.PowerSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WallCalibrationTest {
    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path dir;

    /** Software samples for a CPU at {@code cpu(t)} W and a GPU at {@code gpu(t)} W, one per second; joules exact for piecewise-linear power. */
    private static List<PowerSample> samples(double fromS, double toS, DoubleUnaryOperator cpu, DoubleUnaryOperator gpu) {
        List<PowerSample> out = new ArrayList<>();
        double cpuJ = 0;
        double gpuJ = 0;
        for (double t = fromS; t <= toS; t += 1) {
            if (t > fromS) {
                cpuJ += (cpu.applyAsDouble(t - 1) + cpu.applyAsDouble(t)) / 2;
                gpuJ += (gpu.applyAsDouble(t - 1) + gpu.applyAsDouble(t)) / 2;
            }
            Instant at = T0.plusMillis((long) (t * 1000));
            out.add(new PowerSample(at, "cpu", "package-0", cpu.applyAsDouble(t), cpuJ));
            out.add(new PowerSample(at, "gpu", "gpu-0", gpu.applyAsDouble(t), gpuJ));
        }
        return out;
    }

    private static List<WallReading> wall(double fromS, double toS, double stepS, DoubleUnaryOperator watts) {
        List<WallReading> out = new ArrayList<>();
        for (double t = fromS; t <= toS + 1e-9; t += stepS) {
            out.add(new WallReading(T0.plusMillis(Math.round(t * 1000)), watts.applyAsDouble(t)));
        }
        return out;
    }

    @Test
    void wallAtAFixedRatio_givesThatCoefficientOverTheCommonSpan() {
        DoubleUnaryOperator cpu = t -> 100 + 2 * t;
        DoubleUnaryOperator gpu = t -> 250;
        List<PowerSample> sw = samples(0, 60, cpu, gpu);
        // the wall meter starts earlier and ends later, logging every half second
        List<WallReading> w = wall(-10, 80, 0.5, t -> 1.09 * (cpu.applyAsDouble(t) + gpu.applyAsDouble(t)));
        CalibrationRun run = WallCalibration.calibrate("run-a", w, sw);
        assertEquals(T0, run.from());
        assertEquals(T0.plusSeconds(60), run.to());
        assertEquals(350 * 60 + 60 * 60, run.softwareJoules(), 1e-6);
        assertEquals(1.09, run.coefficient(), 1e-9);
    }

    @Test
    void spanInsideTheRun_interpolatesTheSoftwareCounters() {
        List<PowerSample> sw = samples(0, 100, t -> 200, t -> 100);
        List<WallReading> w = wall(10.25, 20.75, 0.5, t -> 315);
        CalibrationRun run = WallCalibration.calibrate("partial", w, sw);
        assertEquals(300 * 10.5, run.softwareJoules(), 1e-6);
        assertEquals(1.05, run.coefficient(), 1e-9);
    }

    @Test
    void severalRuns_reportMeanAndSpread() {
        List<CalibrationRun> runs = new ArrayList<>();
        for (double k : new double[] {1.07, 1.09, 1.11}) {
            runs.add(WallCalibration.calibrate("k" + k, wall(0, 30, 1, t -> k * 300), samples(0, 30, t -> 100, t -> 200)));
        }
        CalibrationSummary s = WallCalibration.summarize(runs);
        assertEquals(1.09, s.meanCoefficient(), 1e-9);
        assertEquals(0.02, s.stdDevCoefficient(), 1e-9);
        assertEquals(1.07, s.minCoefficient(), 1e-9);
        assertEquals(1.11, s.maxCoefficient(), 1e-9);
    }

    @Test
    void disjointLogs_failSayingSo() {
        CarbonException e = assertThrows(CarbonException.class,
                () -> WallCalibration.calibrate("late", wall(100, 200, 1, t -> 300), samples(0, 50, t -> 1, t -> 1)));
        assertTrue(e.getMessage().contains("do not overlap"), e.getMessage());
    }

    @Test
    void csvLog_isotimeAndEpochSecondsBothRead() throws Exception {
        Path csv = dir.resolve("wall.csv");
        Files.writeString(csv, "timestamp,watts\n2024-05-01T12:00:00Z,300\n# pause\n1714564801.5,330.5\n");
        List<WallReading> r = WallMeterLog.read(csv);
        assertEquals(2, r.size());
        assertEquals(T0.plusMillis(1500), r.get(1).at());
        assertEquals(330.5, r.get(1).watts());
    }

    @Test
    void csvLog_badLineNamesFileAndLine() throws Exception {
        Path csv = dir.resolve("wall.csv");
        Files.writeString(csv, "timestamp,watts\n2024-05-01T12:00:00Z,300\n2024-05-01T12:00:01Z,n/a\n");
        CarbonException e = assertThrows(CarbonException.class, () -> WallMeterLog.read(csv));
        assertTrue(e.getMessage().contains("wall.csv:3:"), e.getMessage());
        Files.writeString(csv, "2024-05-01T12:00:02Z,300\n2024-05-01T12:00:01Z,300\n");
        CarbonException order = assertThrows(CarbonException.class, () -> WallMeterLog.read(csv));
        assertTrue(order.getMessage().contains(":2:") && order.getMessage().contains("not after"), order.getMessage());
    }

    @Test
    void csvLog_commentsAndQuotes_keepLineNumbers() throws Exception {
        Path csv = dir.resolve("wall.csv");
        Files.writeString(csv, "# logger v2\n\n\"timestamp\",\"watts\"\n2024-05-01T12:00:00Z,\"300\"\n# gap\n2024-05-01T12:00:01Z,x\n");
        CarbonException e = assertThrows(CarbonException.class, () -> WallMeterLog.read(csv));
        assertTrue(e.getMessage().contains("wall.csv:6:"), e.getMessage());
    }

    @Test
    void csvLog_brokenQuotingNamesFileAndLine() throws Exception {
        Path csv = dir.resolve("wall.csv");
        Files.writeString(csv, "timestamp,watts\n2024-05-01T12:00:00Z,300\n\"2024-05-01T12:00:01Z\"Z,300\n");
        CarbonException e = assertThrows(CarbonException.class, () -> WallMeterLog.read(csv));
        assertTrue(e.getMessage().contains("wall.csv:3:"), e.getMessage());
    }
}
