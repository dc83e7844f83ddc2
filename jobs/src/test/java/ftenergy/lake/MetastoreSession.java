package ftenergy.lake;

import ftenergy.config.AppSettings;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * One Spark application against a real Hive metastore (embedded Derby in a directory), a separate
 * JVM of {@link MetastoreRegistrationTest}.
 *
 * <ul>
 *   <li>{@code register <dir> <lakehouse> <theirs>}: creates someone else's table {@code ftenergy.runs}
 *       at {@code theirs}, tries to register the lakehouse in database {@code ftenergy} (printing
 *       {@code REFUSED} and the reason), then registers it in {@code ftenergy_lab} and commits a run;
 *   <li>{@code find <dir>}: a fresh application that prints, by table names alone, the run ids of
 *       {@code ftenergy_lab.runs} ({@code FOUND}) and the rows of {@code ftenergy.runs} ({@code OWNER}).
 * </ul>
 */
public final class MetastoreSession {

    private MetastoreSession() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[1]);
        SparkSession spark = LakehouseSession.builder(new AppSettings("unused", dir, dir, dir, "metastore-test", Map.of()))
                .master("local[1]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.warehouse.dir", dir.resolve("warehouse").toString())
                .config("spark.hadoop.javax.jdo.option.ConnectionURL",
                        "jdbc:derby:;databaseName=" + dir.resolve("metastore_db") + ";create=true")
                .enableHiveSupport()
                .getOrCreate();
        try {
            if (args[0].equals("register")) {
                spark.sql("CREATE DATABASE IF NOT EXISTS ftenergy");
                spark.sql("CREATE TABLE ftenergy.runs (owner STRING) USING delta LOCATION '" + args[3] + "'");
                spark.sql("INSERT INTO ftenergy.runs VALUES ('someone else')");
                try {
                    LakehouseSession.attach(spark, new AppSettings(args[2], dir, dir, dir, "metastore-test", Map.of()));
                    System.out.println("REGISTERED over someone else's table");
                } catch (LakeException e) {
                    System.out.println("REFUSED " + e.getMessage());
                }
                AppSettings own = new AppSettings(args[2], dir, dir, dir, "metastore-test", Map.of(), null, "ftenergy_lab");
                new LakeWriter(LakehouseSession.attach(spark, own)).commit(SampleResults.result("hive-run", 1, 3));
            } else {
                spark.sql("SELECT run_id FROM ftenergy_lab.runs").collectAsList()
                        .forEach(row -> System.out.println("FOUND " + row.getString(0)));
                spark.sql("SELECT owner FROM ftenergy.runs").collectAsList()
                        .forEach(row -> System.out.println("OWNER " + row.getString(0)));
            }
        } finally {
            spark.stop();
        }
    }
}
