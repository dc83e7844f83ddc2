package ftenergy.live;

/**
 * Step counts and the recent padded-token rate. The training thread adds a step in constant time
 * under an uncontended lock; readers compute the rate from the last {@value #CAPACITY} steps.
 */
final class StepProgress {

    /** How far back the rate looks: long enough to smooth step-to-step noise, short enough to show a stall. */
    static final long RATE_WINDOW_NANOS = 10_000_000_000L;
    static final int CAPACITY = 256;

    private final long[] endedNanos = new long[CAPACITY];
    private final long[] tokens = new long[CAPACITY];
    private final double[] seconds = new double[CAPACITY];
    private int newest = -1;
    private int stored;
    private long steps;
    private long tokensReal;
    private long tokensPadded;

    /** A step of {@code stepSeconds} that computed on {@code padded} tokens ended at monotonic {@code nanos}. */
    synchronized void add(long nanos, long real, long padded, double stepSeconds) {
        newest = (newest + 1) % CAPACITY;
        endedNanos[newest] = nanos;
        tokens[newest] = padded;
        seconds[newest] = stepSeconds;
        stored = Math.min(stored + 1, CAPACITY);
        steps++;
        tokensReal += real;
        tokensPadded += padded;
    }

    /**
     * The counts, and the padded tokens of the steps that ended within the rate window before
     * {@code nowNanos} over those steps' own seconds. The window stretches to twice the last step
     * when steps are longer than it, so a slow run does not read as stalled between its steps.
     */
    synchronized LiveProgress at(long nowNanos) {
        if (stored == 0) {
            return LiveProgress.NONE;
        }
        long window = Math.max(RATE_WINDOW_NANOS, (long) (2e9 * seconds[newest]));
        long rateTokens = 0;
        double rateSeconds = 0;
        for (int i = 0; i < stored; i++) {
            int at = Math.floorMod(newest - i, CAPACITY);
            if (nowNanos - endedNanos[at] > window) {
                break;
            }
            rateTokens += tokens[at];
            rateSeconds += seconds[at];
        }
        return new LiveProgress(steps, tokensReal, tokensPadded, rateSeconds > 0 ? rateTokens / rateSeconds : 0);
    }
}
