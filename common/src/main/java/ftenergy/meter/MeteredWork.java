package ftenergy.meter;

import java.util.concurrent.locks.ReentrantLock;

/**
 * One metered piece of work per JVM at a time. The meter attributes this process's share of the
 * host (and the whole of its GPUs) to whichever window is open, so two runs, or a run and an
 * inference partition, metered side by side in one executor JVM would each claim the other's
 * energy. Whoever meters work holds this for the work's whole window; others wait.
 *
 * <pre>{@code
 * try (MeteredWork.Held held = MeteredWork.acquire()) {
 *     meter.begin("run"); ... meter.end("run");
 * }
 * }</pre>
 */
public final class MeteredWork {

    private static final ReentrantLock LOCK = new ReentrantLock();

    private MeteredWork() {}

    /** The JVM's metered-work slot, held until closed. */
    @FunctionalInterface
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits until no other thread of this JVM does metered work, then holds the slot. */
    public static Held acquire() {
        LOCK.lock();
        return LOCK::unlock;
    }
}
