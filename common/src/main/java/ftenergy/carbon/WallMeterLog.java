package ftenergy.carbon;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a wall-meter log: CSV lines {@code timestamp,watts}, an optional header line, {@code #}
 * comments. A timestamp is an ISO-8601 instant ({@code 2024-05-01T12:00:00.5Z}) or epoch seconds
 * ({@code 1714564800.5}), as power-meter loggers write one or the other.
 */
public final class WallMeterLog {
    private WallMeterLog() {}

    /**
     * The readings in file order, which must be time order.
     *
     * @throws CarbonException naming file and line for a malformed or out-of-order line
     */
    public static List<WallReading> read(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CarbonException.io("reading wall-meter log", csv, e);
        }
        List<WallReading> readings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length < 2) {
                throw CarbonException.badLine(csv.toString(), i + 1, "expected timestamp,watts but got '" + line + "'");
            }
            Instant at;
            double watts;
            try {
                at = parseTimestamp(f[0].trim());
                watts = Double.parseDouble(f[1].trim());
            } catch (DateTimeParseException | NumberFormatException e) {
                if (readings.isEmpty() && i == firstDataLine(lines)) {
                    continue; // the header
                }
                throw CarbonException.badLine(csv.toString(), i + 1, "cannot parse '" + line + "': " + e.getMessage());
            }
            if (!readings.isEmpty() && !at.isAfter(readings.get(readings.size() - 1).at())) {
                throw CarbonException.badLine(csv.toString(), i + 1, "timestamp " + at + " is not after the previous one");
            }
            readings.add(new WallReading(at, watts));
        }
        return readings;
    }

    private static int firstDataLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (!line.isEmpty() && !line.startsWith("#")) {
                return i;
            }
        }
        return -1;
    }

    static Instant parseTimestamp(String text) {
        if (text.matches("\\d+(\\.\\d+)?")) {
            BigDecimal seconds = new BigDecimal(text);
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        return Instant.parse(text);
    }
}
