package ftenergy.carbon;

import ftenergy.table.ReferenceCsv;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a wall-meter log: CSV records {@code timestamp,watts} in the reference tables' dialect
 * ({@link ReferenceCsv}: {@code #} comments, quoting), an optional header line. A timestamp is an
 * ISO-8601 instant ({@code 2024-05-01T12:00:00.5Z}) or epoch seconds ({@code 1714564800.5}), as
 * power-meter loggers write one or the other; fields after the second are ignored.
 */
public final class WallMeterLog {
    private WallMeterLog() {}

    /**
     * The readings in file order, which must be time order.
     *
     * @throws CarbonException naming file and line for a malformed or out-of-order line
     */
    public static List<WallReading> read(Path csv) {
        List<ReferenceCsv.Row> records;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            records = ReferenceCsv.records(in, csv.toString());
        } catch (IOException e) {
            throw CarbonException.io("reading wall-meter log", csv, e);
        }
        List<WallReading> readings = new ArrayList<>();
        for (ReferenceCsv.Row record : records) {
            List<String> f = record.fields();
            if (f.size() < 2) {
                throw CarbonException.badLine(csv.toString(), record.lineNumber(), "expected timestamp,watts but got '" + record.text() + "'");
            }
            Instant at;
            double watts;
            try {
                at = parseTimestamp(f.get(0).trim());
                watts = Double.parseDouble(f.get(1).trim());
            } catch (DateTimeParseException | NumberFormatException e) {
                if (record == records.get(0)) {
                    continue; // the header
                }
                throw CarbonException.badLine(csv.toString(), record.lineNumber(), "cannot parse '" + record.text() + "': " + e.getMessage());
            }
            if (!readings.isEmpty() && !at.isAfter(readings.get(readings.size() - 1).at())) {
                throw CarbonException.badLine(csv.toString(), record.lineNumber(), "timestamp " + at + " is not after the previous one");
            }
            readings.add(new WallReading(at, watts));
        }
        return readings;
    }

    static Instant parseTimestamp(String text) {
        if (text.matches("\\d+(\\.\\d+)?")) {
            BigDecimal seconds = new BigDecimal(text);
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        return Instant.parse(text);
    }
}
