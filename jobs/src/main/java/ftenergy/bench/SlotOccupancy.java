package ftenergy.bench;

import ftenergy.sweep.SparkRunLauncher;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.TaskInfo;
import scala.jdk.javaapi.CollectionConverters;

/**
 * How much of a window the cluster's task slots spent running tasks, from Spark's own task events:
 * the orchestration's share of keeping the cluster busy, whatever the host. Two windows: the whole
 * time it listens (every task of the application: a sweep's runs, and its Spark-path appends), and
 * the runs phase, from the first run task's launch to the last one's end (run tasks only: those of
 * jobs {@link SparkRunLauncher#runIdOf} names a run). The second leaves out the sweep's fixed
 * start and end on the driver (claim, reading what is recorded, the {@code sweeps} row), which a
 * sweep of tiny runs magnifies.
 */
final class SlotOccupancy extends SparkListener implements AutoCloseable {

    private final SparkContext spark;
    private final long windowStart = System.currentTimeMillis();
    private final Set<Integer> runStages = new HashSet<>();
    private long busyMillis;
    private long tasks;
    private long runBusyMillis;
    private long firstRunLaunch = Long.MAX_VALUE;
    private long lastRunFinish = Long.MIN_VALUE;

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
    public synchronized void onJobStart(SparkListenerJobStart job) {
        if (SparkRunLauncher.runIdOf(job.properties()) != null) {
            CollectionConverters.asJava(job.stageIds()).forEach(stage -> runStages.add((Integer) stage));
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        TaskInfo task = end.taskInfo();
        long launched = Math.max(task.launchTime(), windowStart);
        long busy = Math.max(0, task.finishTime() - launched);
        busyMillis += busy;
        tasks++;
        if (runStages.contains(end.stageId())) {
            runBusyMillis += busy;
            firstRunLaunch = Math.min(firstRunLaunch, launched);
            lastRunFinish = Math.max(lastRunFinish, task.finishTime());
        }
    }

    /**
     * What the slots did over both windows.
     *
     * @param wholeWindow fraction busy over the whole window
     * @param runsPhase fraction busy with run tasks over the runs phase
     * @param runsPhaseSeconds the runs phase's length
     * @param startUpSeconds from the window's start to the first run task's launch
     * @param windDownSeconds from the last run task's end to the window's end
     */
    record Busy(double wholeWindow, double runsPhase, double runsPhaseSeconds, double startUpSeconds, double windDownSeconds) {}

    /**
     * Waits until at least {@code expectedTasks} task ends were heard (Spark delivers events
     * asynchronously), at most 10 s, then returns each window's task time / (its length × slots).
     *
     * @param slots the cluster's task slots: cores / {@code spark.task.cpus}
     */
    Busy busy(long expectedTasks, int slots) throws InterruptedException {
        long windowEnd = System.currentTimeMillis();
        long wall = windowEnd - windowStart;
        for (int i = 0; i < 100 && heard() < expectedTasks; i++) {
            Thread.sleep(100);
        }
        synchronized (this) {
            long runsPhase = lastRunFinish - firstRunLaunch;
            if (runsPhase <= 0) {
                return new Busy(busyMillis / (double) (wall * slots), Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Busy(busyMillis / (double) (wall * slots), runBusyMillis / (double) (runsPhase * slots),
                    runsPhase / 1e3, (firstRunLaunch - windowStart) / 1e3, (windowEnd - lastRunFinish) / 1e3);
        }
    }

    private synchronized long heard() {
        return tasks;
    }

    @Override
    public void close() {
        spark.removeSparkListener(this);
    }
}
