package ftenergy.sweep;

import ftenergy.sparktask.TaskCpus;
import ftenergy.sparktask.TaskGpus;
import ftenergy.run.AttemptResult;
import ftenergy.run.RunSpec;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.BiFunction;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.resource.ResourceProfileBuilder;
import org.apache.spark.resource.TaskResourceRequests;

/**
 * Runs each attempt as its own Spark job of one task (the way Hyperopt's SparkTrials does): job
 * group = run id, so the Spark UI shows which run is where and a run can be cancelled alone. A
 * run's task asks for {@link ClusterCapacity#runCpus()} CPUs and its GPUs through a task resource
 * profile where they differ from Spark's default task resources, and learns the GPU addresses from
 * {@link TaskContext#resources()}.
 */
public final class SparkRunLauncher implements RunLauncher {

    /** The job property {@code setJobGroup} sets. */
    private static final String JOB_GROUP = "spark.jobGroup.id";

    private final JavaSparkContext spark;
    private final ClusterCapacity capacity;
    private final BiFunction<RunSpec, Integer, RunWork> work;

    /**
     * @param spark the driver's context
     * @param capacity what the application offers runs (the CPUs each run's task asks for)
     * @param work builds, on the driver, the serializable work of one attempt
     */
    public SparkRunLauncher(JavaSparkContext spark, ClusterCapacity capacity, BiFunction<RunSpec, Integer, RunWork> work) {
        this.spark = spark;
        this.capacity = capacity;
        this.work = work;
    }

    @Override
    public Launched launch(RunSpec spec, int attempt) {
        nameJob(spark, spec, attempt);
        RunWork task = work.apply(spec, attempt);
        JavaRDD<RunWork> rdd = spark.parallelize(List.of(task), 1);
        if (spec.gpus() > 0 || capacity.runCpus() != capacity.taskCpus()) {
            rdd = rdd.withResources(profile(capacity.runCpus(), spec.gpus()));
        }
        List<Launched> out = rdd.map(SparkRunLauncher::executeInTask).collect();
        spark.clearJobGroup();
        return out.get(0);
    }

    /**
     * Names this thread's next Spark jobs after the run: group = run id (cancellable alone),
     * description = what it is. Both are thread-local properties: each scheduler thread sets its own.
     */
    static void nameJob(JavaSparkContext spark, RunSpec spec, int attempt) {
        spark.setJobGroup(spec.runId(), spec.kind().label() + " " + spec.task() + " " + spec.model().name()
                + " seed " + spec.seed() + " attempt " + attempt, true);
    }

    /**
     * The run a Spark job belongs to, from the job's properties as a listener sees them: its job
     * group, which {@link #nameJob} sets for run jobs only.
     *
     * @return the run id, or {@code null} for any other job
     */
    public static String runIdOf(Properties jobProperties) {
        return jobProperties == null ? null : jobProperties.getProperty(JOB_GROUP);
    }

    private static Launched executeInTask(RunWork work) throws Exception {
        TaskContext task = TaskContext.get();
        if (task != null && task.attemptNumber() > 0) {
            // Spark retried the task of an attempt whose executor was lost. The sweep records that
            // lost try as a failed attempt (with the energy delivered before it died) and runs the
            // run again under a new attempt number, so this try must not run the same attempt twice.
            throw new IllegalStateException("Spark retried the task (try " + (task.attemptNumber() + 1) + ") of an attempt"
                    + " whose executor was lost; the sweep retries runs itself, as new attempts"
                    + " (set spark.task.maxFailures=1 to spare these tries)");
        }
        Instant started = Instant.now();
        TaskCpus.limitTorchThreads();
        AttemptResult result = work.execute(TaskGpus.addresses());
        return new Launched(result, started, Instant.now());
    }

    private static ResourceProfile profile(int cpus, int gpus) {
        TaskResourceRequests task = new TaskResourceRequests().cpus(cpus);
        if (gpus > 0) {
            task.resource("gpu", gpus);
        }
        return new ResourceProfileBuilder().require(task).build();
    }
}
