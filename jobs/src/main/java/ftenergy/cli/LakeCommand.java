package ftenergy.cli;

import ftenergy.lake.Lakehouse;
import ftenergy.lake.TableSummary;

/** {@code ftenergy lake init|describe|vacuum|query}. */
final class LakeCommand implements Command {

    @Override
    public String name() {
        return "lake";
    }

    @Override
    public String summary() {
        return "create, describe, vacuum or query the Delta tables";
    }

    @Override
    public String usage() {
        return """
                usage: ftenergy lake init|describe|vacuum|query [SQL] [--retain-hours H] [--conf FILE] [-Dkey=value ...]
                  init      create every table of the contract under ftenergy.lakehouse (idempotent;
                            adds columns a newer version defines)
                  describe  rows, Delta version, files and columns of each table
                  vacuum    delete files unreferenced for longer than --retain-hours (default 168)
                  query SQL run one Spark SQL statement over the tables (runs, steps, ...) and print
                            its result as tab-separated text: a header line, one line per row,
                            NULL as \\N, tab/newline/backslash in values escaped as \\t \\n \\\\
                            e.g. ftenergy lake query "SELECT run_id, attempt, status FROM runs"
                """;
    }

    @Override
    public int run(Invocation invocation) {
        String action = invocation.arguments().word(1);
        if (action == null) {
            throw new UsageException("lake needs an action: init, describe, vacuum or query");
        }
        switch (action) {
            case "init" -> {
                Lakehouse lake = invocation.lakehouse();
                invocation.out().println("lakehouse ready at " + lake.root());
                print(invocation, lake);
            }
            case "describe" -> print(invocation, invocation.lakehouse());
            case "vacuum" -> {
                double hours = Double.parseDouble(invocation.arguments().flags().getOrDefault("retain-hours", "168"));
                invocation.lakehouse().vacuum(hours);
                invocation.out().println("vacuumed files older than " + hours + " h");
            }
            case "query" -> {
                String sql = invocation.arguments().word(2);
                if (sql == null || sql.isBlank() || invocation.arguments().words().size() > 3) {
                    throw new UsageException("lake query needs exactly one SQL statement, quoted as one argument");
                }
                TabSeparated.print(invocation.lakehouse().spark().sql(sql), invocation.out());
            }
            default -> throw new UsageException("unknown lake action '" + action + "'; expected init, describe, vacuum or query");
        }
        return 0;
    }

    private static void print(Invocation invocation, Lakehouse lake) {
        invocation.out().printf("%-15s %8s %8s %6s %8s  %s%n", "table", "rows", "version", "files", "columns", "location");
        for (TableSummary t : lake.describe()) {
            invocation.out().printf("%-15s %8d %8d %6d %8d  %s%n", t.name(), t.rows(), t.version(), t.files(), t.columns(), t.path());
        }
    }
}
