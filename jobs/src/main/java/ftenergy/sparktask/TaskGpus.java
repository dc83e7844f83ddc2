package ftenergy.sparktask;

import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;

/** The GPUs Spark's resource scheduling gave the running task. */
public final class TaskGpus {

    private TaskGpus() {}

    /** Addresses of the task's {@code gpu} resources; empty outside a task or when it has none. */
    public static List<String> addresses() {
        TaskContext context = TaskContext.get();
        if (context == null) {
            return List.of();
        }
        scala.Option<ResourceInformation> gpus = context.resources().get("gpu");
        return gpus.isDefined() ? List.of(gpus.get().addresses()) : List.of();
    }
}
