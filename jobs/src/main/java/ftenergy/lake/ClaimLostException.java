package ftenergy.lake;

import ftenergy.FtenergyException;

/**
 * A newer submission of the same sweep claimed its tables (see {@link SweepClaim}): this one's
 * appends are refused from now on, and the newer submission runs what this one had not recorded.
 */
public final class ClaimLostException extends FtenergyException {
    private static final long serialVersionUID = 1L;

    private final String sweepId;
    private final long generation;
    private final long newerGeneration;

    public ClaimLostException(String sweepId, long generation, long newerGeneration) {
        super("sweep '" + sweepId + "' was claimed by a newer submission (generation " + newerGeneration
                + "; this submission holds " + generation + "): the tables refuse this submission's rows from now on,"
                + " and the newer submission runs whatever this one had not recorded");
        this.sweepId = sweepId;
        this.generation = generation;
        this.newerGeneration = newerGeneration;
    }

    public String sweepId() {
        return sweepId;
    }

    public long generation() {
        return generation;
    }

    public long newerGeneration() {
        return newerGeneration;
    }
}
