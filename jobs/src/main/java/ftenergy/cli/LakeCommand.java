package ftenergy.cli;

import ftenergy.lake.Lakehouse;
import ftenergy.lake.TableSummary;
import ftenergy.lake.TablesDoc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ftenergy lake init|describe|vacuum|optimize|query|docs}. */
@Command(name = "lake", header = "create, describe, vacuum, compact or query the Delta tables",
        subcommands = {LakeCommand.Init.class, LakeCommand.Describe.class, LakeCommand.Vacuum.class, LakeCommand.Optimize.class,
                LakeCommand.Query.class, LakeCommand.Docs.class})
final class LakeCommand {

    @Command(name = "init", header = "create every table of the contract under ftenergy.lakehouse",
            description = "Idempotent; adds the columns a newer version defines to existing tables.")
    static final class Init implements LeafCommand {
        @Override
        public int run(Invocation invocation) {
            Lakehouse lake = invocation.lakehouse();
            invocation.out().println("lakehouse ready at " + lake.root());
            print(invocation, lake);
            return 0;
        }
    }

    @Command(name = "describe", header = "rows, Delta version, files and columns of each table")
    static final class Describe implements LeafCommand {
        @Override
        public int run(Invocation invocation) {
            print(invocation, invocation.lakehouse());
            return 0;
        }
    }

    @Command(name = "vacuum", header = "delete the files no table version younger than --retain-hours refers to")
    static final class Vacuum implements LeafCommand {
        @Option(names = "--retain-hours", paramLabel = "H", defaultValue = "168", description = "Default: ${DEFAULT-VALUE}.")
        double retainHours;

        @Override
        public int run(Invocation invocation) {
            invocation.lakehouse().vacuum(retainHours);
            invocation.out().println("vacuumed files older than " + retainHours + " h");
            return 0;
        }
    }

    @Command(name = "optimize", header = "compact each table's small files (one per sweep commit) into few large ones",
            description = "Delta's OPTIMIZE (bin packing) on every existing table; prints each table's data files before "
                    + "and after. Rows and history stay; the replaced files go with the next `lake vacuum` past their retention.")
    static final class Optimize implements LeafCommand {
        @Override
        public int run(Invocation invocation) {
            invocation.out().printf("%-15s %12s %11s%n", "table", "files before", "files after");
            for (Lakehouse.Compaction table : invocation.lakehouse().optimize()) {
                invocation.out().printf("%-15s %12d %11d%n", table.table(), table.filesBefore(), table.filesAfter());
            }
            return 0;
        }
    }

    @Command(name = "docs", header = "print the tables' contract (docs/tables.md) from their definitions in code",
            description = "Every table's key, layout, constraints and columns with types and meanings, as Markdown. Needs no "
                    + "Spark and no lakehouse.")
    static final class Docs implements LeafCommand {
        @Override
        public int run(Invocation invocation) {
            invocation.out().print(TablesDoc.markdown());
            return 0;
        }
    }

    @Command(name = "query", header = "run one read-only Spark SQL statement over the tables; tab-separated result",
            description = {
                "Runs one statement over the tables (runs, steps, ...) and prints its result as tab-separated text: a header "
                        + "line, one line per row, NULL as \\N, tab/newline/backslash in values escaped as \\t \\n \\\\.",
                "Read-only statements only: queries, SHOW, DESCRIBE (also Delta's DESCRIBE HISTORY/DETAIL) and EXPLAIN of a "
                        + "query. Anything else (DELETE, UPDATE, MERGE, INSERT, CREATE, DROP, ALTER, SET, CACHE, OPTIMIZE, "
                        + "VACUUM, ...) is refused with exit status 2 before anything runs.",
                "e.g. ftenergy lake query \"SELECT run_id, attempt, status FROM runs\""})
    static final class Query implements LeafCommand {
        @Parameters(paramLabel = "SQL", description = "The statement, quoted as one argument.")
        String sql;

        @Override
        public int run(Invocation invocation) {
            if (sql.isBlank()) {
                throw new UsageException("lake query needs one SQL statement, quoted as one argument");
            }
            ReadOnlyStatement.check(invocation.spark(), sql);
            TabSeparated.print(invocation.lakehouse().spark().sql(sql), invocation.out());
            return 0;
        }
    }

    private static void print(Invocation invocation, Lakehouse lake) {
        invocation.out().printf("%-15s %8s %8s %6s %8s  %s%n", "table", "rows", "version", "files", "columns", "location");
        for (TableSummary t : lake.describe()) {
            invocation.out().printf("%-15s %8d %8d %6d %8d  %s%n", t.name(), t.rows(), t.version(), t.files(), t.columns(), t.path());
        }
    }
}
