package ftenergy.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.lake.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which statements {@code lake query} accepts, decided from the parsed plan alone (nothing here runs). */
class ReadOnlyStatementTest {

    private static SparkSession spark;

    @BeforeAll
    static void session() {
        spark = TestSpark.session();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT run_id FROM runs WHERE status = 'failed'",
        "WITH f AS (SELECT * FROM runs) SELECT count(*) FROM f",
        "select 1",
        "-- which tables\nSHOW TABLES",
        "SHOW COLUMNS IN runs",
        "DESCRIBE runs",
        "DESCRIBE HISTORY delta.`/lake/runs`",
        "DESCRIBE DETAIL delta.`/lake/runs`",
        "EXPLAIN SELECT * FROM runs",
        "VALUES (1, 2)",
        "SELECT * FROM runs VERSION AS OF 0",
        "SELECT * FROM table_changes('runs', 0)"})
    void reads_areAccepted(String sql) {
        assertDoesNotThrow(() -> ReadOnlyStatement.check(spark, sql));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "DELETE FROM runs WHERE status = 'failed'",
        "UPDATE runs SET status = 'x'",
        "MERGE INTO runs t USING runs s ON t.run_id = s.run_id WHEN MATCHED THEN DELETE",
        "INSERT INTO runs SELECT * FROM runs",
        "INSERT OVERWRITE runs SELECT * FROM runs",
        "WITH s AS (SELECT * FROM runs) INSERT INTO runs SELECT * FROM s",
        "CREATE TABLE t (a INT) USING delta",
        "CREATE TEMPORARY VIEW v AS SELECT 1",
        "DROP TABLE runs",
        "ALTER TABLE runs ADD COLUMNS (x INT)",
        "TRUNCATE TABLE runs",
        "SET spark.sql.shuffle.partitions = 1",
        "CACHE TABLE runs",
        "OPTIMIZE delta.`/lake/runs`",
        "VACUUM delta.`/lake/runs`",
        "RESTORE TABLE delta.`/lake/runs` TO VERSION AS OF 0",
        "EXECUTE IMMEDIATE 'DROP TABLE runs'",
        "EXPLAIN DELETE FROM runs",
        "ADD JAR /tmp/x.jar",
        "CREATE TABLE t SHALLOW CLONE runs",
        "INSERT OVERWRITE DIRECTORY '/tmp/x' USING parquet SELECT 1",
        "CALL system.some_procedure(1)",
        "REORG TABLE runs APPLY (PURGE)",
        "CONVERT TO DELTA parquet.`/tmp/x`",
        "GENERATE symlink_format_manifest FOR TABLE runs",
        "USE other",
        "BEGIN SELECT 1; DROP TABLE runs; END"})
    void everythingElse_isRefused_namingItsKind(String sql) {
        UsageException refused = assertThrows(UsageException.class, () -> ReadOnlyStatement.check(spark, sql));
        String kind = sql.substring(0, sql.indexOf(' '));
        assertTrue(refused.getMessage().contains("this " + kind + " statement (Spark plan "), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 1; DROP TABLE runs", "SELEKT 1"})
    void unparsableOrSeveralStatements_areUsageErrors(String sql) {
        UsageException refused = assertThrows(UsageException.class, () -> ReadOnlyStatement.check(spark, sql));
        assertTrue(refused.getMessage().startsWith("the statement does not parse"), refused.getMessage());
    }
}
