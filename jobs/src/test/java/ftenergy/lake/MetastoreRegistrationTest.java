package ftenergy.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tables registered in a real Hive metastore (Spark's Hive support on embedded Derby) are
 * found by name from another Spark application, and registration never drops a table it did not
 * make. Each application is its own JVM: embedded Derby admits one at a time, as a shared
 * metastore would admit many.
 */
class MetastoreRegistrationTest {

    @TempDir
    Path dir;

    @Test
    void registeredTables_areFoundByNameFromAnotherApplication_andSomeoneElsesTableIsLeftAlone() throws Exception {
        Result registered = application("register", dir.toString(), dir.resolve("lakehouse").toString(),
                dir.resolve("theirs").toString());
        assertEquals(0, registered.code(), registered.output());
        assertTrue(registered.output().contains("REFUSED table `ftenergy`.`runs` already exists at")
                && registered.output().contains("ftenergy.lake.database"), registered.output());
        Result found = application("find", dir.toString());
        assertEquals(0, found.code(), found.output());
        assertTrue(found.output().contains("FOUND hive-run"), found.output());
        assertTrue(found.output().contains("OWNER someone else"), "the other table kept its row: " + found.output());
    }

    private record Result(int code, String output) {}

    private static Result application(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(System.getProperty("test.jvm.opens", "").split(" ")).stream().filter(a -> !a.isBlank()).toList());
        command.addAll(List.of("-Xmx2g", "-cp", System.getProperty("java.class.path"), MetastoreSession.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
