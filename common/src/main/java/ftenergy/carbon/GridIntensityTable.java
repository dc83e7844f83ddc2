package ftenergy.carbon;

import ftenergy.table.ReferenceCsv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Grid intensities by region: the shipped table ({@code ftenergy/carbon/grid-intensity.csv}: US
 * eGRID2022 subregions and the US average from EPA, country averages from Ember via Our World in
 * Data; sources and years in the file) or any CSV in the same format.
 */
public final class GridIntensityTable {
    private static final String RESOURCE = "/ftenergy/carbon/grid-intensity.csv";

    private final Map<String, GridIntensity> byRegion;

    private GridIntensityTable(Map<String, GridIntensity> byRegion) {
        this.byRegion = byRegion;
    }

    /** The table shipped with ftenergy. */
    public static GridIntensityTable shipped() {
        try (InputStream in = GridIntensityTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the classpath");
            }
            return parse(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    /** Reads {@code region,name,g_co2e_per_kwh,year,source} rows ({@code #} comments, one header line). */
    public static GridIntensityTable parse(InputStream in, String fileName) throws IOException {
        Map<String, GridIntensity> rows = new LinkedHashMap<>();
        for (ReferenceCsv.Row line : ReferenceCsv.rows(in, fileName, 5)) {
            List<String> f = line.fields();
            int lineNo = line.lineNumber();
            if (f.size() < 5) {
                throw CarbonException.badLine(fileName, lineNo, "expected region,name,g_co2e_per_kwh,year,source");
            }
            GridIntensity row;
            try {
                row = new GridIntensity(f.get(0).trim(), f.get(1).trim(), Double.parseDouble(f.get(2).trim()),
                        Integer.parseInt(f.get(3).trim()), f.get(4).trim());
            } catch (NumberFormatException e) {
                throw CarbonException.badLine(fileName, lineNo, "g_co2e_per_kwh or year is not a number: " + line.text());
            }
            if (rows.put(key(row.region()), row) != null) {
                throw CarbonException.badLine(fileName, lineNo, "region " + row.region() + " listed twice");
            }
        }
        return new GridIntensityTable(rows);
    }

    /**
     * The row for {@code region}, case-insensitively.
     *
     * @throws CarbonException naming the region and listing the known ones
     */
    public GridIntensity lookup(String region) {
        GridIntensity row = region == null ? null : byRegion.get(key(region));
        if (row == null) {
            throw CarbonException.unknownRegion(region, regions());
        }
        return row;
    }

    /** Whether {@code region} is in the table (case-insensitively). */
    public boolean contains(String region) {
        return region != null && byRegion.containsKey(key(region));
    }

    /** Known region keys, in file order. */
    public List<String> regions() {
        return byRegion.values().stream().map(GridIntensity::region).toList();
    }

    private static String key(String region) {
        return region.trim().toUpperCase(Locale.ROOT);
    }
}
