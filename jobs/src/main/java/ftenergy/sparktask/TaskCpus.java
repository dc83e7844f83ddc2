package ftenergy.sparktask;

import ai.djl.pytorch.jni.JniUtils;
import ftenergy.train.TorchThreads;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;

/**
 * The CPUs Spark's scheduling gave the running task. PyTorch sizes its intra-op thread pool to the
 * host's cores, whatever share of them Spark gave the executor; on a host running several
 * executors, or beside the driver, those pools oversubscribe the cores and their threads spin
 * against each other.
 */
public final class TaskCpus {

    private TaskCpus() {}

    /**
     * Limits PyTorch's intra-op threads to the running task's CPUs ({@code spark.task.cpus} or its
     * resource profile's). Leaves them alone outside a task, and in local mode, where one run at a
     * time is meant to use every core of the driver JVM. The pool is per process, so this suits
     * executors that run one run at a time.
     */
    public static void limitTorchThreads() {
        TaskContext context = TaskContext.get();
        if (context == null || SparkEnv.get() == null || "driver".equals(SparkEnv.get().executorId())) {
            return;
        }
        int cpus = Math.max(1, context.cpus());
        if (TorchThreads.intraOp() != cpus) {
            JniUtils.setNumThreads(cpus);
        }
    }
}
