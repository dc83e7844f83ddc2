package ftenergy.carbon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The node's input power from its BMC through {@code ipmitool dcmi power reading}: an optional
 * wall source for calibration on servers whose BMC supports DCMI (it needs ipmitool and, usually,
 * root for the local {@code /dev/ipmi0} interface).
 */
public final class IpmiDcmiReader {
    private static final Pattern LINE = Pattern.compile("^\\s*([^:]+?)\\s*:\\s*(.*?)\\s*$");
    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)");

    private IpmiDcmiReader() {}

    /**
     * Parses ipmitool's output.
     *
     * @throws CarbonException if the instantaneous reading is missing
     */
    public static DcmiPowerReading parse(String output) {
        Map<String, String> fields = new HashMap<>();
        for (String line : output.split("\\R")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                fields.put(m.group(1).toLowerCase(), m.group(2));
            }
        }
        String instant = fields.get("instantaneous power reading");
        if (instant == null) {
            throw CarbonException.ipmi("no 'Instantaneous power reading' line in: " + output.strip(), null);
        }
        String state = fields.getOrDefault("power reading state is", "activated");
        return new DcmiPowerReading(
                number(instant),
                number(fields.getOrDefault("minimum during sampling period", "NaN")),
                number(fields.getOrDefault("maximum during sampling period", "NaN")),
                number(fields.getOrDefault("average power reading over sample period", "NaN")),
                number(fields.getOrDefault("sampling period", "NaN")),
                state.toLowerCase().startsWith("activated"));
    }

    /**
     * Runs {@code ipmitool dcmi power reading} once.
     *
     * @throws CarbonException saying why there is no reading: ipmitool missing, no BMC, no
     *     permission, a timeout, or power reading deactivated
     */
    public static WallReading read(Duration timeout) {
        List<String> command = List.of("ipmitool", "dcmi", "power", "reading");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw CarbonException.ipmi("cannot run " + String.join(" ", command) + " (is ipmitool installed?)", e);
        }
        try (InputStream out = process.getInputStream()) {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw CarbonException.ipmi("no answer within " + timeout, null);
            }
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw CarbonException.ipmi("ipmitool exited with " + process.exitValue() + ": " + text.strip(), null);
            }
            DcmiPowerReading reading = parse(text);
            if (!reading.active()) {
                throw CarbonException.ipmi("the BMC reports power reading deactivated", null);
            }
            return new WallReading(Instant.now(), reading.instantaneousWatts());
        } catch (IOException e) {
            throw CarbonException.ipmi("reading ipmitool's output", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CarbonException.ipmi("interrupted", e);
        }
    }

    private static double number(String text) {
        Matcher m = NUMBER.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}
