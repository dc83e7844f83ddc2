package ftenergy.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * What a benchmark's seconds are.
 *
 * <p>{@link #WALL} is what a user waits for, but on a machine shared with other work it measures
 * the other work too. {@link #THREAD_CPU} counts only the CPU time of the measuring thread; with
 * one intra-op thread, libtorch runs every kernel on that thread, so the ratio of two such
 * measurements survives a busy machine. It is meaningless with more intra-op threads (their work
 * is not counted), which {@link TrainBenchSettings} refuses.
 */
public enum BenchClock {
    /** Elapsed time. */
    WALL {
        @Override
        public long nanos() {
            return System.nanoTime();
        }
    },
    /** CPU time of the calling thread (user + system). */
    THREAD_CPU {
        @Override
        public long nanos() {
            return THREADS.getCurrentThreadCpuTime();
        }
    };

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** A reading in nanoseconds; only differences between readings on one thread mean anything. */
    public abstract long nanos();
}
