package ftenergy.cli;

import ftenergy.plan.SweepSettings;
import ftenergy.prepare.PrepareJob;

/** {@code ftenergy prepare [--force]}. */
final class PrepareCommand implements Command {

    @Override
    public String name() {
        return "prepare";
    }

    @Override
    public String summary() {
        return "fetch corpora, train the tokenizer, tokenize the sweep's tasks into the examples table";
    }

    @Override
    public String usage() {
        return """
                usage: ftenergy prepare [--force] [--conf conf/sweeps/NAME.conf] [-Dkey=value ...]
                  Tokenizes the sweep's corpus and tasks with Spark into the Delta `examples` table and
                  prints each task's examples, mean/median/p95 length and tokens (the paper's Table 1).
                  Tasks already tokenized with the same tokenizer are skipped; --force re-tokenizes.
                """;
    }

    @Override
    public int run(Invocation invocation) {
        SweepSettings sweep = SweepCommand.settings(invocation);
        PrepareJob.checkSources(invocation.spark(), sweep); // before the lakehouse's tables are created or read
        PrepareJob.run(invocation.lakehouse(), invocation.settings(), sweep, invocation.arguments().flag("force"), invocation.out());
        return 0;
    }
}
