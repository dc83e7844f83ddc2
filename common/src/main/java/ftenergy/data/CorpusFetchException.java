package ftenergy.data;

import ftenergy.FtenergyException;

/** A corpus could not be fetched, verified or extracted; nothing half-written was left behind. */
public final class CorpusFetchException extends FtenergyException {
    private static final long serialVersionUID = 1L;

    private final String packageSpec;

    /** A failure without an underlying exception; the message starts with the package spec. */
    public CorpusFetchException(PinnedPackage pkg, String problem) {
        super(pkg.spec() + ": " + problem);
        this.packageSpec = pkg.spec();
    }

    /** A failure caused by {@code cause} (IO, process start). */
    public CorpusFetchException(PinnedPackage pkg, String problem, Throwable cause) {
        super(pkg.spec() + ": " + problem, cause);
        this.packageSpec = pkg.spec();
    }

    /** The {@code name@version} that failed. */
    public String packageSpec() {
        return packageSpec;
    }
}
