package ftenergy.meter.internal;

import ftenergy.table.ReferenceCsv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The shipped table of CPU models and their TDP ({@code ftenergy/meter/cpu-tdp.csv}, sources cited
 * in the file), matched against {@code /proc/cpuinfo} model names.
 */
public final class CpuTdpTable {
    private static final String RESOURCE = "/ftenergy/meter/cpu-tdp.csv";

    /** One row: the model as written in the table, its TDP per socket, where the figure is from. */
    public record Entry(String model, double tdpWatts, String source) {}

    private final List<Entry> entries;

    private CpuTdpTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The table shipped with ftenergy. */
    public static CpuTdpTable shipped() {
        try (InputStream in = CpuTdpTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    static CpuTdpTable parse(InputStream in) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (ReferenceCsv.Row line : ReferenceCsv.rows(in, RESOURCE, 3)) {
            List<String> f = line.fields();
            if (f.size() < 3) {
                throw new IOException(RESOURCE + ":" + line.lineNumber() + ": expected model,tdp_watts,source");
            }
            try {
                entries.add(new Entry(f.get(0).trim(), Double.parseDouble(f.get(1).trim()), f.get(2).trim()));
            } catch (NumberFormatException e) {
                throw new IOException(RESOURCE + ":" + line.lineNumber() + ": tdp_watts '" + f.get(1) + "' is not a number", e);
            }
        }
        return new CpuTdpTable(entries);
    }

    /** All rows, in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The longest row whose model occurs as whole words in {@code cpuModel}, if any. */
    public Optional<Entry> lookup(String cpuModel) {
        String haystack = normalise(cpuModel);
        Entry best = null;
        for (Entry e : entries) {
            String needle = normalise(e.model());
            if (containsWords(haystack, needle) && (best == null || needle.length() > normalise(best.model()).length())) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    static String normalise(String model) {
        return model.replaceAll("(?i)\\((r|tm)\\)", " ")
                .replaceAll("(?i)\\bcpu\\b", " ")
                .replaceAll("\\s+", " ")
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    private static boolean containsWords(String haystack, String needle) {
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
            int end = at + needle.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(haystack.charAt(at - 1));
            boolean endOk = end == haystack.length() || !Character.isLetterOrDigit(haystack.charAt(end));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }
}
