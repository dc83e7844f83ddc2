package ftenergy.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;

/** The job jar's log4j2.properties hides known noise from the console; --verbose shows it again. */
class ConsoleLoggingTest {

    /** Loggers whose warnings a lost executor or a checkpoint-less Delta table floods the console with. */
    private static final List<String> NOISY = List.of(
            "org.apache.spark.network.server.TransportChannelHandler",
            "org.apache.spark.network.client.TransportResponseHandler",
            "org.apache.spark.rpc.netty.NettyRpcEnv",
            "org.apache.spark.rpc.netty.Inbox",
            "io.delta.kernel.internal.snapshot.SnapshotManager");

    @Test
    void noiseIsHiddenByDefault_andVerboseShowsItsWarnings_whileOtherLevelsStay() throws Exception {
        URL shipped = Main.class.getResource("/log4j2.properties");
        assertNotNull(shipped, "jobs' main log4j2.properties");
        LoggerContext context = Configurator.initialize("console-logging-test", Main.class.getClassLoader(), shipped.toURI());
        try {
            for (String name : NOISY) {
                assertFalse(context.getLogger(name).isEnabled(Level.WARN), name + " hidden by default");
            }
            assertFalse(context.getLogger("org.apache.spark.network.client.TransportResponseHandler").isEnabled(Level.ERROR),
                    "it logs 'Still have N requests outstanding' of a lost executor's connection at error");
            assertTrue(context.getLogger("org.apache.spark.scheduler.TaskSchedulerImpl").isEnabled(Level.ERROR),
                    "the scheduler's own 'Lost executor' error stays");
            assertTrue(context.getLogger("org.apache.spark.sql.delta.Checkpoints").isEnabled(Level.WARN),
                    "Delta's warnings about corrupt checkpoints stay");

            ConsoleLogging.showHiddenWarnings(context);

            for (String name : NOISY) {
                assertTrue(context.getLogger(name).isEnabled(Level.WARN), name + " shown with --verbose");
            }
            assertFalse(context.getLogger("org.apache.spark.SparkContext").isEnabled(Level.INFO), "Spark stays at warn");
            assertTrue(context.getLogger("ftenergy.sweep.SweepJob").isEnabled(Level.INFO), "ftenergy stays at info");
        } finally {
            Configurator.shutdown(context);
        }
    }
}
