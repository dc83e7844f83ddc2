package ftenergy.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.TaskInfo;

/**
 * How much of a window the cluster's task slots spent running tasks, from Spark's own task events:
 * the orchestration's share of keeping the cluster busy, whatever the host. Counts every task of
 * the application that ends while it listens (a sweep's runs, and its Spark-path appends).
 */
final class SlotOccupancy extends SparkListener implements AutoCloseable {

    private final SparkContext spark;
    private final long windowStart = System.currentTimeMillis();
    private final AtomicLong busyMillis = new AtomicLong();
    private final AtomicLong tasks = new AtomicLong();

    private SlotOccupancy(SparkContext spark) {
        this.spark = spark;
    }

    /** Starts listening to {@code spark}'s tasks now. */
    static SlotOccupancy start(SparkContext spark) {
        SlotOccupancy occupancy = new SlotOccupancy(spark);
        spark.addSparkListener(occupancy);
        return occupancy;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskInfo task = end.taskInfo();
        busyMillis.addAndGet(Math.max(0, task.finishTime() - Math.max(task.launchTime(), windowStart)));
        tasks.incrementAndGet();
    }

    /**
     * Waits until at least {@code expectedTasks} task ends were heard (Spark delivers events
     * asynchronously), at most 10 s, then returns task time / (wall time × slots).
     *
     * @param slots the cluster's task slots: cores / {@code spark.task.cpus}
     */
    double busyFraction(long expectedTasks, int slots) throws InterruptedException {
        long wall = System.currentTimeMillis() - windowStart;
        for (int i = 0; i < 100 && tasks.get() < expectedTasks; i++) {
            Thread.sleep(100);
        }
        return busyMillis.get() / (double) (wall * slots);
    }

    @Override
    public void close() {
        spark.removeSparkListener(this);
    }
}
