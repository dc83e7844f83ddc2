package ftenergy.lake;

import io.delta.tables.DeltaTable;
import io.delta.tables.DeltaTableBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.AtomicType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Delta tables under one root directory (any Hadoop-compatible path).
 *
 * <p>{@link #create()} is idempotent and also evolves existing tables by adding columns a newer
 * version of the contract defines, so old rows stay readable (new columns read as null).
 */
public final class Lakehouse {

    private static final int CREATE_TRIES = 5;

    private static final String CHECKPOINT_INTERVAL = "delta.checkpointInterval";

    /** The checkpoint interval older versions gave their tables. */
    private static final String OLD_CHECKPOINT_INTERVAL = "100";

    private final SparkSession spark;
    private final String root;

    public Lakehouse(SparkSession spark, String root) {
        this.spark = spark;
        this.root = absolute(root);
    }

    /** Local paths become absolute (Delta's SQL paths reject "./x"); URIs with a scheme stay as they are. */
    private static String absolute(String root) {
        String trimmed = root.endsWith("/") && root.length() > 1 ? root.substring(0, root.length() - 1) : root;
        if (trimmed.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return trimmed;
        }
        return java.nio.file.Path.of(trimmed).toAbsolutePath().normalize().toString();
    }

    public SparkSession spark() {
        return spark;
    }

    public String root() {
        return root;
    }

    /** Where {@code table} lives. */
    public String path(LakeTable table) {
        return root + "/" + table.name();
    }

    /** Creates every missing table and adds missing columns to existing ones. */
    public void create() {
        for (LakeTable table : LakeTables.all()) {
            create(table);
        }
    }

    /**
     * Creates {@code table} if absent, else adds the columns its stored schema lacks. Safe while
     * another process does the same: Delta reports a creation racing another one in several ways
     * (a concurrent protocol change, a location "not empty and not a Delta table", a table "not
     * found" half-way), so any failure is retried against what the other one committed, a few
     * times, before it is reported.
     */
    public void create(LakeTable table) {
        for (int tries = 1; ; tries++) {
            try {
                createOnce(table);
                return;
            } catch (LakeException e) {
                if (tries == CREATE_TRIES) {
                    throw e;
                }
                Backoff.pause(tries, "creating table '" + table.name() + "'");
            }
        }
    }

    private void createOnce(LakeTable table) {
        try {
            if (DeltaTable.isDeltaTable(spark, path(table))) {
                addMissingColumns(table);
                evolveProperties(table);
                addMissingChecks(table);
                return;
            }
            DeltaTableBuilder builder = DeltaTable.createIfNotExists(spark)
                    .location(path(table))
                    .comment(table.description())
                    .addColumns(table.schema());
            // Data-skipping statistics on the key columns only (Delta refuses partition and boolean
            // columns there): queries select runs, attempts and steps by key, while statistics on every
            // column (Delta's default, the first 32) made each small sweep append cost almost twice
            // as long (measured: 0.47 s -> 0.28 s per append of 30 columns).
            List<String> statsColumns = table.keyColumns().stream()
                    .filter(c -> !table.partitionColumns().contains(c) && skippable(table.schema().apply(c).dataType()))
                    .toList();
            if (!statsColumns.isEmpty()) {
                builder = builder.property("delta.dataSkippingStatsColumns", String.join(",", statsColumns));
            }
            if (!table.partitionColumns().isEmpty()) {
                builder = builder.partitionedBy(table.partitionColumns().toArray(String[]::new));
            }
            builder.execute();
            addMissingChecks(table);
        } catch (Exception e) { // Delta's AnalysisExceptions are checked exceptions Scala throws undeclared
            throw new LakeException("could not create Delta table '" + table.name() + "' at " + path(table) + ": " + e.getMessage(), e);
        }
    }

    private static boolean skippable(DataType type) {
        return type instanceof AtomicType && !(type instanceof BooleanType);
    }

    /**
     * Registers every existing table in {@code database} (of {@code catalog}, or of the session's
     * current catalog when null), for plain SQL ({@code SELECT ... FROM ftenergy.runs}), and makes
     * that database the session's current one. The database is created if missing; each table is
     * added with {@code CREATE TABLE IF NOT EXISTS} as an external table at its location, and
     * nothing is ever dropped: a table of the same name that points elsewhere (another lakehouse,
     * or a table of someone else's) is an error naming it, and stays as it is.
     *
     * @throws LakeException when a table of the database has one of the lakehouse's names but another location
     */
    public void register(String catalog, String database) {
        String namespace = catalog == null ? quote(database) : quote(catalog) + "." + quote(database);
        spark.sql("CREATE DATABASE IF NOT EXISTS " + namespace);
        for (LakeTable table : LakeTables.all()) {
            if (!exists(table)) {
                continue;
            }
            String name = namespace + "." + quote(table.name());
            String registered = registeredLocation(name);
            if (registered == null) {
                spark.sql("CREATE TABLE IF NOT EXISTS " + name + " USING delta LOCATION '" + path(table).replace("'", "\\'") + "'");
                registered = registeredLocation(name);
            }
            if (!sameLocation(registered, path(table))) {
                throw new LakeException("table " + name + " already exists at " + registered + ", not at this lakehouse's "
                        + path(table) + "; it was left as it is. Register this lakehouse in a database of its own"
                        + " (ftenergy.lake.database)");
            }
        }
        spark.catalog().setCurrentDatabase(catalog == null ? database : catalog + "." + database);
    }

    /** The location of the table called {@code name}, or null when there is none. */
    private String registeredLocation(String name) {
        if (!spark.catalog().tableExists(name.replace("`", ""))) {
            return null;
        }
        for (Row row : spark.sql("DESCRIBE TABLE EXTENDED " + name).collectAsList()) {
            if ("Location".equals(row.getString(0))) {
                return row.getString(1);
            }
        }
        return "an unknown location";
    }

    private static boolean sameLocation(String registered, String path) {
        String stripped = registered.startsWith("file:") ? registered.replaceFirst("^file:(//)?", "") : registered;
        return stripped.replaceAll("/+$", "").equals(path.replaceAll("/+$", ""))
                || registered.replaceAll("/+$", "").equals(path.replaceAll("/+$", ""));
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** The current snapshot of {@code table}. */
    public Dataset<Row> read(LakeTable table) {
        requireExists(table);
        return spark.read().format("delta").load(path(table));
    }

    /** {@code table} as it was at {@code version} (Delta time travel). */
    public Dataset<Row> readVersion(LakeTable table, long version) {
        requireExists(table);
        return spark.read().format("delta").option("versionAsOf", version).load(path(table));
    }

    public DeltaTable delta(LakeTable table) {
        requireExists(table);
        return DeltaTable.forPath(spark, path(table));
    }

    public boolean exists(LakeTable table) {
        return DeltaTable.isDeltaTable(spark, path(table));
    }

    /** Summary of each table: rows, version, files, columns. Absent tables are listed as such. */
    public List<TableSummary> describe() {
        List<TableSummary> out = new ArrayList<>();
        for (LakeTable table : LakeTables.all()) {
            if (!exists(table)) {
                out.add(TableSummary.absent(table, path(table)));
                continue;
            }
            Row detail = delta(table).detail().first();
            long version = delta(table).history(1).select("version").first().getLong(0);
            out.add(new TableSummary(
                    table.name(),
                    path(table),
                    true,
                    read(table).count(),
                    version,
                    detail.getAs("numFiles"),
                    read(table).schema().size(),
                    table.description()));
        }
        return out;
    }

    /** Removes files no longer referenced by any version younger than {@code retainHours}. */
    public void vacuum(double retainHours) {
        for (LakeTable table : LakeTables.all()) {
            if (exists(table)) {
                delta(table).vacuum(retainHours);
            }
        }
    }

    /**
     * One table's compaction.
     *
     * @param table the table's name
     * @param filesBefore its data files before
     * @param filesAfter its data files after
     */
    public record Compaction(String table, long filesBefore, long filesAfter) {}

    /**
     * Compacts the small files of every existing table into larger ones (Delta's OPTIMIZE, bin
     * packing); rows and history stay, the replaced files remain until {@link #vacuum}. Sweeps
     * append a few rows per commit, so tables grow by one small file per commit.
     *
     * @return one result per existing table, in the order of {@link LakeTables#all()}
     */
    public List<Compaction> optimize() {
        return optimize(LakeTables.all());
    }

    /** {@link #optimize()} of {@code tables} alone, those that exist, in the order given. */
    public List<Compaction> optimize(List<LakeTable> tables) {
        List<Compaction> results = new ArrayList<>();
        for (LakeTable table : tables) {
            if (exists(table)) {
                long before = files(table);
                delta(table).optimize().executeCompaction();
                results.add(new Compaction(table.name(), before, files(table)));
            }
        }
        return results;
    }

    private long files(LakeTable table) {
        return delta(table).detail().first().<Long>getAs("numFiles");
    }

    private void addMissingColumns(LakeTable table) {
        StructType stored = spark.read().format("delta").load(path(table)).schema();
        List<String> missing = new ArrayList<>();
        for (StructField field : table.schema().fields()) {
            if (stored.getFieldIndex(field.name()).isEmpty()) {
                String comment = field.getComment().isDefined() ? " COMMENT '" + field.getComment().get().replace("'", "\\'") + "'" : "";
                missing.add("`" + field.name() + "` " + field.dataType().sql() + comment);
            }
        }
        if (!missing.isEmpty()) {
            spark.sql("ALTER TABLE delta.`" + path(table) + "` ADD COLUMNS (" + String.join(", ", missing) + ")");
        }
    }

    /**
     * Brings table properties set by older versions to today's: tables created before checkpoints
     * followed Delta's default carry {@code delta.checkpointInterval = 100}, which left a demo's
     * tables without any checkpoint, so every read replayed every commit.
     */
    private void evolveProperties(LakeTable table) {
        Map<String, String> properties = delta(table).detail().first().getJavaMap(
                delta(table).detail().first().fieldIndex("properties"));
        if (OLD_CHECKPOINT_INTERVAL.equals(properties.get(CHECKPOINT_INTERVAL))) {
            spark.sql("ALTER TABLE delta.`" + path(table) + "` UNSET TBLPROPERTIES ('" + CHECKPOINT_INTERVAL + "')");
        }
    }

    /** Adds the table's CHECK constraints it does not have yet (Delta refuses them on rows that break them). */
    private void addMissingChecks(LakeTable table) {
        if (table.checks().isEmpty()) {
            return;
        }
        Map<String, String> properties = delta(table).detail().first().getJavaMap(
                delta(table).detail().first().fieldIndex("properties"));
        table.checks().forEach((name, condition) -> {
            if (!properties.containsKey("delta.constraints." + name.toLowerCase(java.util.Locale.ROOT))) {
                spark.sql("ALTER TABLE delta.`" + path(table) + "` ADD CONSTRAINT " + name + " CHECK (" + condition + ")");
            }
        });
    }

    private void requireExists(LakeTable table) {
        if (!exists(table)) {
            throw new LakeException("table '" + table.name() + "' does not exist at " + path(table)
                    + "; run `ftenergy lake init` (with the same -Dftenergy.lakehouse) first");
        }
    }
}
