package ftenergy.lake;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One submission's exclusive right to append a sweep's run rows, taken with
 * {@link LakeWriter#claim}. Taking it records a new generation of the sweep in each run table's
 * Delta log, as a transaction identifier named after the sweep; every append under the claim
 * carries that identifier with a larger version. Once a newer submission claims the sweep, the
 * tables themselves refuse the older one's appends ({@link ClaimLostException}), so two live
 * submissions never both record the same attempts: the newer one finishes the sweep.
 *
 * <p>A version is the generation in its high 32 bits and the claim's append count in the low ones,
 * so any append of a newer generation outranks every append of an older one.
 */
public final class SweepClaim {

    private static final String APP_ID_PREFIX = "ftenergy-sweep-";

    private final String sweepId;
    private final long generation;
    private final AtomicLong appends = new AtomicLong();

    SweepClaim(String sweepId, long generation) {
        this.sweepId = sweepId;
        this.generation = generation;
    }

    public String sweepId() {
        return sweepId;
    }

    /** 1 for a sweep's first submission, then one more per submission. */
    public long generation() {
        return generation;
    }

    static String appId(String sweepId) {
        return APP_ID_PREFIX + sweepId;
    }

    /** The generation an identifier's version belongs to. */
    static long generationOf(long version) {
        return version >>> 32;
    }

    /** The identifier that records the claim itself: below every append made under it. */
    TransactionId opening() {
        return new TransactionId(appId(sweepId), generation << 32);
    }

    /** The identifier of the claim's next append, larger than every one before it. */
    TransactionId next() {
        return new TransactionId(appId(sweepId), (generation << 32) | appends.incrementAndGet());
    }

    ClaimLostException lostTo(long newerGeneration) {
        return new ClaimLostException(sweepId, generation, newerGeneration);
    }
}
