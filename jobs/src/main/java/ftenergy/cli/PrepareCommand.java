package ftenergy.cli;

import ftenergy.plan.SweepSettings;
import ftenergy.prepare.PrepareJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ftenergy prepare [--force]}. */
@Command(name = "prepare", header = "fetch corpora, train the tokenizer, tokenize the sweep's tasks into the examples table",
        description = "Tokenizes the sweep's corpus and tasks with Spark into the Delta `examples` table and prints each task's "
                + "examples, mean/median/p95/longest length and tokens (the paper's Table 1). Tasks already tokenized with "
                + "the same tokenizer from the same definition are skipped.")
final class PrepareCommand implements LeafCommand {

    @Option(names = "--force", description = "Re-tokenize tasks already in the examples table.")
    boolean force;

    @Override
    public int run(Invocation invocation) {
        SweepSettings sweep = SweepCommand.settings(invocation);
        PrepareJob.checkSources(invocation.spark(), sweep); // before the lakehouse's tables are created or read
        PrepareJob.run(invocation.lakehouse(), invocation.settings(), sweep, force, invocation.out());
        return 0;
    }
}
