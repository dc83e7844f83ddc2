package ftenergy.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * This JVM's heap over a phase, from the JVM's own management beans: the largest heap in use
 * (sampled every few milliseconds from {@code MemoryMXBean}), the largest heap still in use right
 * after a collection (from the garbage collectors' notifications: the live data, what the phase
 * really needed), and the collections' count and time.
 */
final class HeapWatch implements AutoCloseable {

    /** What a phase used. */
    record Peak(long usedBytes, long liveBytes, long collections, long collectionMillis, long maxBytes) {}

    private static final long SAMPLE_MILLIS = 20;

    private final AtomicLong used = new AtomicLong();
    private final AtomicLong live = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener afterCollection = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long heap = 0;
            for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                if (pool.getType() == MemoryType.HEAP && after != null) {
                    heap += after.getUsed();
                }
            }
            live.accumulateAndGet(heap, Math::max);
        }
    };
    private final Thread sampler;
    private final long collectionsBefore;
    private final long millisBefore;

    /** Starts watching. */
    HeapWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(afterCollection, null, null);
                emitters.add(emitter);
            }
        }
        collectionsBefore = collections();
        millisBefore = collectionMillis();
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                used.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** The phase's figures so far. */
    Peak peak() {
        return new Peak(used.get(), live.get(), collections() - collectionsBefore, collectionMillis() - millisBefore,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax());
    }

    @Override
    public void close() {
        sampler.interrupt();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(afterCollection);
            } catch (javax.management.ListenerNotFoundException e) {
                // Not registered: nothing to remove.
            }
        }
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long collectionMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
