package ftenergy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** {@code ftenergy.lake.appends} is checked with the other keys, before any Spark session. */
class LakeAppendsConfigTest {

    @Test
    void unknownAppendPath_isAConfigErrorNamingTheKey() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"lake", "describe", "-Dftenergy.lake.appends=hdfs"},
                new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true));
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("ftenergy.lake.appends"), err.toString());
        assertTrue(err.toString().contains("unknown append path 'hdfs'; expected kernel or spark"), err.toString());
    }
}
