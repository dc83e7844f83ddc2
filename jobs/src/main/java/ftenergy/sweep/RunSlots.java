package ftenergy.sweep;

/**
 * How many runs a sweep keeps in flight, asked again before each launch: executors register after
 * a sweep starts (a standalone application does not wait for them), and are lost or added while it
 * runs.
 */
public interface RunSlots {

    /** Runs that can run at once now; at least 1. */
    int slots();

    /** Runs handed to Spark beyond {@code slots}, each waiting in its queue for a slot. */
    int queued(int slots);

    /** Always {@code slots} slots and {@code queued} queued runs. */
    static RunSlots fixed(int slots, int queued) {
        return new RunSlots() {
            @Override
            public int slots() {
                return Math.max(1, slots);
            }

            @Override
            public int queued(int ignored) {
                return queued;
            }
        };
    }
}
