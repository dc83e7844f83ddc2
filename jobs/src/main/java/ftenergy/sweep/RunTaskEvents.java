package ftenergy.sweep;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.scheduler.TaskInfo;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What Spark's scheduler did with each run's job, heard on the driver's listener bus: whether the
 * run's task has started, and how long it waited for Spark once it could run. A run could run from
 * the later of its job's submission and the end of the run before it on the same executor (a run
 * queued behind a busy slot waits for that slot, not for Spark). Driver-clock times only, so
 * executors' clock skew does not enter. Runs are recognised by their job group (= run id).
 *
 * <p>"The run before it on the same executor" is exact when a run's task takes its whole executor
 * (each run asks for {@code spark.executor.cores} where that is set, see {@link ClusterCapacity});
 * with several run slots per executor a run's wait can be under-counted.
 */
final class RunTaskEvents extends SparkListener {

    /** Run tasks remembered per executor: enough to find the run before any run still being asked about. */
    private static final int HISTORY = 64;

    /** One run task: when it started and ended (0 = not yet) on the driver's clock. */
    private static final class RunTask {
        final long launchedAt;
        long finishedAt;
        /** Its run's jobs all ended: an end not heard by now (a task killed after its job) never will be. */
        boolean jobsEnded;

        RunTask(long launchedAt) {
            this.launchedAt = launchedAt;
        }
    }

    /** The current attempt of a run: when its first job was submitted, its jobs not yet ended, its first task. */
    private static final class Attempt {
        long submittedAt = -1;
        int activeJobs;
        RunTask task;
        boolean delayCounted;
        boolean launchFailed;
        String executor;

        /** Every event of its jobs heard: a job's end is posted after its tasks' events. */
        boolean settled() {
            return submittedAt >= 0 && activeJobs == 0;
        }

        /**
         * Nothing more to hear for its launch latency: settled, or its launch failed with no job
         * heard of (most likely none was submitted; if one was, its events are moments behind and
         * only that attempt's latency goes uncounted).
         */
        boolean done() {
            return settled() || (launchFailed && submittedAt < 0);
        }
    }

    /** A Spark job of a run's attempt and its stages. */
    private record RunJob(Attempt attempt, List<Integer> stages) {}

    private final Map<String, Attempt> attempts = new HashMap<>();
    private final Map<Integer, Attempt> stageAttempts = new HashMap<>();
    private final Map<Integer, RunJob> jobRuns = new HashMap<>();
    private final Map<String, Deque<RunTask>> executorRuns = new HashMap<>();
    private final List<Duration> startDelays = new ArrayList<>();
    /** Settled attempts whose delay waits for the ends of runs that started before them on their executor. */
    private final List<Attempt> uncounted = new ArrayList<>();

    /** Before launching an attempt of {@code runId}: forgets what was heard of its earlier attempts. */
    synchronized void expect(String runId) {
        attempts.put(runId, new Attempt());
    }

    /** After the launch of the current attempt of {@code runId} threw: its jobs, if any, are all it will have. */
    synchronized void launchFailed(String runId) {
        Attempt attempt = attempts.get(runId);
        if (attempt != null) {
            attempt.launchFailed = true;
            notifyAll();
        }
    }

    /** Whether the current attempt of {@code runId} has a task that started, as far as events have arrived. */
    synchronized boolean started(String runId) {
        Attempt attempt = attempts.get(runId);
        return attempt != null && attempt.task != null;
    }

    /**
     * Waits up to {@code patience} until every event of the current attempt of {@code runId}'s jobs
     * has been heard (the bus delivers them asynchronously), e.g. to tell whether a cancelled run
     * had started. Call it once its launch has returned.
     *
     * @return whether they all were
     */
    synchronized boolean awaitSettled(String runId, Duration patience) throws InterruptedException {
        Attempt attempt = attempts.get(runId);
        awaitUntil(() -> attempt == null || attempt.settled(), patience);
        return attempt != null && attempt.settled();
    }

    /**
     * The launch latency of every attempt that started so far; waits up to {@code patience} for the
     * events of attempts whose launches have returned but whose jobs' ends were not heard yet.
     */
    synchronized List<Duration> startDelays(Duration patience) throws InterruptedException {
        awaitUntil(() -> awaited().isEmpty(), patience);
        return List.copyOf(startDelays);
    }

    /** The runs whose current attempt's events {@link #startDelays} still waits for. */
    synchronized Set<String> awaited() {
        Set<String> awaited = new TreeSet<>();
        attempts.forEach((runId, attempt) -> {
            if (!attempt.done() || uncounted.contains(attempt)) {
                awaited.add(runId);
            }
        });
        return awaited;
    }

    private void awaitUntil(BooleanSupplier condition, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /**
     * Counts the delays of settled attempts once every run that started before them on their
     * executor was heard ending: the bus can deliver a run's end after the end of the job that took
     * its slot (its result is fetched on another thread), and the delay counts from that end.
     */
    private void countSettled() {
        for (Iterator<Attempt> it = uncounted.iterator(); it.hasNext(); ) {
            Attempt attempt = it.next();
            if (earlierRunsEnded(attempt)) {
                it.remove();
                startDelays.add(startDelay(attempt));
            }
        }
    }

    private boolean earlierRunsEnded(Attempt attempt) {
        for (RunTask before : executorRuns.getOrDefault(attempt.executor, new ArrayDeque<>())) {
            if (before != attempt.task && before.launchedAt <= attempt.task.launchedAt && before.finishedAt == 0
                    && !before.jobsEnded) {
                return false;
            }
        }
        return true;
    }

    /** From the later of its submission and the end of the run before it on its executor. */
    private Duration startDelay(Attempt attempt) {
        long ready = attempt.submittedAt;
        for (RunTask before : executorRuns.getOrDefault(attempt.executor, new ArrayDeque<>())) {
            if (before != attempt.task && before.launchedAt <= attempt.task.launchedAt && before.finishedAt > 0) {
                // Spark marks a task finished once its result is fetched, which can be just after the slot was offered again.
                ready = Math.max(ready, Math.min(before.finishedAt, attempt.task.launchedAt));
            }
        }
        return Duration.ofMillis(Math.max(0, attempt.task.launchedAt - ready));
    }

    @Override
    public synchronized void onJobStart(SparkListenerJobStart job) {
        String runId = SparkRunLauncher.runIdOf(job.properties());
        Attempt attempt = runId == null ? null : attempts.get(runId);
        if (attempt == null) {
            return;
        }
        if (attempt.submittedAt < 0) {
            attempt.submittedAt = job.time();
        }
        attempt.activeJobs++;
        List<Integer> stages = CollectionConverters.asJava(job.stageIds()).stream().map(id -> (Integer) id).toList();
        stages.forEach(stage -> stageAttempts.put(stage, attempt));
        jobRuns.put(job.jobId(), new RunJob(attempt, stages));
    }

    @Override
    public synchronized void onTaskStart(SparkListenerTaskStart start) {
        Attempt attempt = stageAttempts.get(start.stageId());
        if (attempt == null || attempt.task != null) {
            return;
        }
        TaskInfo info = start.taskInfo();
        attempt.task = new RunTask(info.launchTime());
        attempt.executor = info.executorId();
        Deque<RunTask> history = executorRuns.computeIfAbsent(info.executorId(), executor -> new ArrayDeque<>());
        history.addLast(attempt.task);
        if (history.size() > HISTORY) {
            history.removeFirst();
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        Attempt attempt = stageAttempts.get(end.stageId());
        TaskInfo info = end.taskInfo();
        if (attempt != null && attempt.task != null && attempt.task.launchedAt == info.launchTime()
                && info.executorId().equals(attempt.executor)) {
            attempt.task.finishedAt = info.finishTime();
            countSettled();
            notifyAll();
        }
    }

    @Override
    public synchronized void onJobEnd(SparkListenerJobEnd end) {
        RunJob job = jobRuns.remove(end.jobId());
        if (job != null) {
            // Task ends of a finished job's stages were posted before its end: nothing more to match them to.
            job.stages().forEach(stageAttempts::remove);
            Attempt attempt = job.attempt();
            attempt.activeJobs--;
            if (attempt.settled() && attempt.task != null) {
                attempt.task.jobsEnded = true;
                if (!attempt.delayCounted) {
                    attempt.delayCounted = true;
                    uncounted.add(attempt);
                }
            }
            countSettled();
            notifyAll();
        }
    }
}
