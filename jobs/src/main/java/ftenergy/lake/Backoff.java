package ftenergy.lake;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The pause before retrying a Delta write that raced another writer: random, so that racing
 * writers spread out, and growing with each try, so that a busy table is not hammered.
 */
final class Backoff {

    private Backoff() {}

    /**
     * Sleeps between 50 ms and 100 ms × 2^tries (capped at 3.2 s).
     *
     * @param tries tries made so far (1 after the first failure)
     * @param what the write being retried, for the error if interrupted
     */
    static void pause(int tries, String what) {
        long millis = ThreadLocalRandom.current().nextLong(50, 100L << Math.min(tries, 5));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LakeException("interrupted while retrying " + what, e);
        }
    }
}
