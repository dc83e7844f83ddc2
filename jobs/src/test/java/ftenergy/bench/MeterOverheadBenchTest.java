package ftenergy.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.meter.MeterSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MeterOverheadBenchTest {

    @Test
    void overheadBench_runsAndReportsRatios() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MeterOverheadBench.Result r = MeterOverheadBench.run(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                MeterSettings.defaults(), 1, Duration.ofMillis(20));
        assertTrue(r.wallRatioAt1s() > 0 && r.cpuRatioAt100ms() > 0 && r.sampleMicros() > 0);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("slowdown, wall:"));
    }
}
