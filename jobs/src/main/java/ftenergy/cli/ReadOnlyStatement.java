package ftenergy.cli;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.UnresolvedExecuteImmediate;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.ExecutableDuringAnalysis;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoDir;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import org.apache.spark.sql.execution.command.ExplainCommand;

/**
 * The statements {@code lake query} runs: read-only ones, decided from the parsed plan before
 * anything runs. Accepted: a query (no node of its plan writes or runs a command), a SHOW or
 * DESCRIBE (Spark's and Delta's metadata commands are named {@code Show*} and {@code Describe*}:
 * DESCRIBE HISTORY, DESCRIBE DETAIL, SHOW TABLES, ...), and EXPLAIN of a query. Everything else
 * is refused: DML (DELETE, UPDATE, MERGE, INSERT), DDL (CREATE, DROP, ALTER), session commands
 * (SET, USE, CACHE, ADD JAR), Delta's maintenance (OPTIMIZE, VACUUM, RESTORE, CLONE, REORG),
 * procedures (CALL), SQL scripts and EXECUTE IMMEDIATE, whose text is only known when it runs.
 * Spark and Delta mark writes differently (a {@link Command}, a {@link ParsedStatement}, a class of
 * its own), so a new statement kind of a later version is checked against this list in
 * {@code ReadOnlyStatementTest} before it is trusted.
 */
final class ReadOnlyStatement {

    private static final Pattern FIRST_WORD = Pattern.compile("^(?:\\s|--[^\\n]*\\n?|/\\*.*?\\*/|\\()*([A-Za-z]+)", Pattern.DOTALL);

    private ReadOnlyStatement() {}

    /**
     * Parses {@code sql} with the session's parser (Delta's statements included).
     *
     * @throws UsageException when it does not parse or is not read-only, naming the statement's kind
     */
    static void check(SparkSession spark, String sql) {
        LogicalPlan plan;
        try {
            plan = spark.sessionState().sqlParser().parsePlan(sql);
        } catch (ParseException e) {
            throw new UsageException("the statement does not parse: " + e.getMessage());
        }
        refusal(plan).ifPresent(node -> {
            throw new UsageException("read-only statements only (queries, SHOW, DESCRIBE, EXPLAIN of a query): "
                    + "this " + firstWord(sql) + " statement (Spark plan " + node.nodeName() + ") was not run");
        });
    }

    /** The node that makes {@code plan} more than a read, if any. */
    static Optional<LogicalPlan> refusal(LogicalPlan plan) {
        if (plan instanceof ExplainCommand explain) {
            return writingNode(explain.logicalPlan());
        }
        if (plan instanceof Command && isMetadataRead(plan)) {
            return Optional.empty();
        }
        return writingNode(plan);
    }

    private static Optional<LogicalPlan> writingNode(LogicalPlan plan) {
        scala.Option<LogicalPlan> found = plan.find(ReadOnlyStatement::writes);
        return found.isDefined() ? Optional.of(found.get()) : Optional.empty();
    }

    /**
     * Commands; parsed write statements (INSERT INTO, INSERT OVERWRITE DIRECTORY); nodes that run other
     * statements (CALL, EXECUTE IMMEDIATE); and statements the parsers name {@code *Statement} without
     * making them commands (Delta's RESTORE and CLONE, SQL scripting's control flow).
     */
    private static boolean writes(LogicalPlan node) {
        return node instanceof Command || node instanceof ParsedStatement || node instanceof InsertIntoDir
                || node instanceof ExecutableDuringAnalysis || node instanceof UnresolvedExecuteImmediate
                || node.getClass().getSimpleName().endsWith("Statement");
    }

    private static boolean isMetadataRead(LogicalPlan command) {
        String name = command.getClass().getSimpleName();
        return name.startsWith("Show") || name.startsWith("Describe");
    }

    private static String firstWord(String sql) {
        Matcher word = FIRST_WORD.matcher(sql);
        return word.find() ? word.group(1).toUpperCase(Locale.ROOT) : "empty";
    }
}
