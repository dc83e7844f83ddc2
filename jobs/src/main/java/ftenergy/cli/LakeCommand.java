package ftenergy.cli;

import ftenergy.lake.Lakehouse;
import ftenergy.lake.TableSummary;

/** {@code ftenergy lake init|describe|vacuum}. */
final class LakeCommand implements Command {

    @Override
    public String name() {
        return "lake";
    }

    @Override
    public String summary() {
        return "create, describe or vacuum the Delta tables";
    }

    @Override
    public String usage() {
        return """
                usage: ftenergy lake init|describe|vacuum [--retain-hours H] [--conf FILE] [-Dkey=value ...]
                  init      create every table of the contract under ftenergy.lakehouse (idempotent;
                            adds columns a newer version defines)
                  describe  rows, Delta version, files and columns of each table
                  vacuum    delete files unreferenced for longer than --retain-hours (default 168)
                """;
    }

    @Override
    public int run(Invocation invocation) {
        String action = invocation.arguments().word(1);
        if (action == null) {
            throw new UsageException("lake needs an action: init, describe or vacuum");
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
            default -> throw new UsageException("unknown lake action '" + action + "'; expected init, describe or vacuum");
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
