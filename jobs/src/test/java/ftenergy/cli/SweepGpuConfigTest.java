package ftenergy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep whose runs ask for GPUs Spark cannot give fails as a configuration error, before any Spark job. */
class SweepGpuConfigTest {

    @TempDir
    Path dir;

    @Test
    void gpuRunsInLocalMode_areAConfigErrorNamingTheKey_andNothingIsPrepared() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path data = dir.resolve("data");
        int code = Main.run(new String[] {"sweep", "--master", "local[2]", "--lakehouse", dir.resolve("lake").toString(),
                        "--data-dir", data.toString(), "--checkpoints", dir.resolve("checkpoints").toString(),
                        "-Dftenergy.sweep.gpus-per-run=1", "-Dftenergy.spark.conf.spark.ui.enabled=false"},
                new PrintStream(out, true), new PrintStream(err, true));
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("ftenergy.sweep.gpus-per-run"), err.toString());
        assertTrue(err.toString().contains("Spark's local mode gives tasks no GPUs"), err.toString());
        assertFalse(Files.exists(data), "data preparation must not have started");
    }
}
