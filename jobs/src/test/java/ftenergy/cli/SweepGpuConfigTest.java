package ftenergy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        Path data = dir.resolve("data");
        // The master comes from spark-submit (here: its system property), never from ftenergy's own options.
        String previousMaster = System.setProperty("spark.master", "local[2]");
        try {
            CliResult result = CliResult.run("sweep", "--lakehouse", dir.resolve("lake").toString(),
                    "--data-dir", data.toString(), "--checkpoints", dir.resolve("checkpoints").toString(),
                    "-Dftenergy.sweep.gpus-per-run=1", "-Dftenergy.spark.conf.spark.ui.enabled=false");
            assertEquals(2, result.code(), result.printed());
            assertTrue(result.err().contains("ftenergy.sweep.gpus-per-run"), result.printed());
            assertTrue(result.err().contains("Spark's local mode gives tasks no GPUs"), result.printed());
        } finally {
            if (previousMaster == null) {
                System.clearProperty("spark.master");
            } else {
                System.setProperty("spark.master", previousMaster);
            }
        }
        assertFalse(Files.exists(data), "data preparation must not have started");
    }
}
