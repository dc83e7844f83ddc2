package ftenergy.data;

import ftenergy.FtenergyException;

/** A corpus could not be fetched, verified or extracted; nothing half-written was left behind. */
public final class CorpusFetchException extends FtenergyException {
    private static final long serialVersionUID = 1L;

    private final String packageSpec;

    public CorpusFetchException(PinnedPackage pkg, String problem) {
        super(pkg.spec() + ": " + problem);
        this.packageSpec = pkg.spec();
    }

    public CorpusFetchException(PinnedPackage pkg, String problem, Throwable cause) {
        super(pkg.spec() + ": " + problem, cause);
        this.packageSpec = pkg.spec();
    }

    /** The {@code name@version} that failed. */
    public String packageSpec() {
        return packageSpec;
    }
}
