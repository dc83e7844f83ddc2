package ftenergy.sweep;

import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;

/**
 * What the Spark application offers a sweep's runs, read from its context before anything is
 * launched. An executor JVM meters one run at a time ({@code MeteredWork}: the meter attributes
 * the process's share of the host to whichever window is open), so a run should own its executor:
 * where {@code spark.executor.cores} is known, each run's task asks for all of them (a task
 * resource profile), which also keeps Spark from placing two runs on one executor while another
 * idles. Where it is not known (standalone's default: an executor takes all its Worker's cores), an
 * executor with several task slots still runs one run at a time, the rest waiting in its slots.
 *
 * @param local whether the master is local: driver and executor are one JVM
 * @param executors executors registered now, the driver not counted
 * @param taskSlots all executors' cores over {@code spark.task.cpus}
 * @param taskCpus {@code spark.task.cpus}
 * @param executorCores {@code spark.executor.cores}; 0 when unset
 * @param executorGpus {@code spark.executor.resource.gpu.amount}; 0 when unset
 * @param profilesAllowed whether runs may ask for resources of their own (task resource profiles:
 *     not in local mode, nor with dynamic allocation)
 * @param slotsFromParallelism whether {@code taskSlots} came from {@code spark.default.parallelism}
 *     set by hand, not from the cores
 */
public record ClusterCapacity(boolean local, int executors, int taskSlots, int taskCpus, int executorCores,
        long executorGpus, boolean profilesAllowed, boolean slotsFromParallelism) {

    /** The capacity of {@code spark}'s application now. */
    public static ClusterCapacity of(SparkContext spark) {
        SparkConf conf = spark.getConf();
        int taskCpus = Integer.parseInt(conf.get("spark.task.cpus", "1"));
        // The status tracker lists the driver among the executors.
        int executors = Math.max(0, spark.statusTracker().getExecutorInfos().length - 1);
        boolean profiles = !spark.isLocal() && !conf.getBoolean("spark.dynamicAllocation.enabled", false);
        return new ClusterCapacity(spark.isLocal(), executors, Math.max(1, spark.defaultParallelism() / taskCpus), taskCpus,
                Integer.parseInt(conf.get("spark.executor.cores", "0")),
                Long.parseLong(conf.get("spark.executor.resource.gpu.amount", "0")), profiles,
                conf.contains("spark.default.parallelism"));
    }

    /**
     * The CPUs each run's task asks for, its PyTorch threads: all of its executor's cores where
     * they are known and runs may ask for them, else {@code spark.task.cpus}.
     */
    public int runCpus() {
        return profilesAllowed && executorCores > taskCpus ? executorCores : taskCpus;
    }

    /**
     * Runs that can run at once: one in local mode (one JVM); on a cluster one per executor, and
     * no more than the task slots.
     */
    public int runSlots() {
        return local ? 1 : Math.max(1, Math.min(executors, taskSlots));
    }

    /**
     * Why runs asking for {@code gpusPerRun} GPUs each could never be scheduled here (Spark would
     * refuse each run's job, or wait forever for an executor with enough GPUs).
     *
     * @return what is wrong and what to do; empty when they can be scheduled, or ask for none
     */
    public Optional<String> gpuProblem(int gpusPerRun) {
        if (gpusPerRun == 0) {
            return Optional.empty();
        }
        if (local) {
            return Optional.of("runs ask for " + gpusPerRun + " GPU(s), but Spark's local mode gives tasks no GPUs (its task"
                    + " resource profiles work on standalone, YARN and Kubernetes only). Set it to 0 to run on CPUs here, or"
                    + " start a standalone Master and a Worker offering this host's GPUs and submit to it (README, 'On a cluster').");
        }
        if (executorGpus == 0) {
            return Optional.of("runs ask for " + gpusPerRun + " GPU(s), but executors are given none:"
                    + " set spark.executor.resource.gpu.amount and spark.executor.resource.gpu.discoveryScript"
                    + " (README, 'On a cluster'), or set it to 0 to run on CPUs.");
        }
        if (executorGpus < gpusPerRun) {
            return Optional.of("runs ask for " + gpusPerRun + " GPUs each, but each executor has " + executorGpus
                    + " (spark.executor.resource.gpu.amount) and a run's GPUs must all be on its executor: raise"
                    + " spark.executor.resource.gpu.amount or lower this.");
        }
        return Optional.empty();
    }

    /**
     * A warning when executors have more task slots than the one run each runs at a time and runs
     * cannot ask for the whole executor: runs then get {@code spark.task.cpus} CPUs each while the
     * executor's other cores go unused by runs.
     */
    public Optional<String> idleCoresWarning() {
        if (local || slotsFromParallelism || executors == 0 || taskSlots <= executors || runCpus() > taskCpus) {
            return Optional.empty();
        }
        return Optional.of("warning: the " + executors + " executor(s) have " + taskSlots + " task slots (spark.task.cpus = "
                + taskCpus + "), but each executor runs one metered run at a time, so " + runSlots() + " run(s) run at once, each"
                + " on " + taskCpus + " CPU(s), and the other slots only hold runs waiting their turn. Set spark.executor.cores"
                + " (each run then asks for all of them) or spark.task.cpus to the executors' cores.");
    }
}
