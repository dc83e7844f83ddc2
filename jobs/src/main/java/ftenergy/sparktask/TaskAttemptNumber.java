package ftenergy.sparktask;

import org.apache.spark.TaskContext;

/**
 * Spark's attempt number of the running task: 0 for its first try, more when Spark retried it (an
 * executor lost mid-task). Tells apart what two tries of the same ftenergy attempt measured.
 */
public final class TaskAttemptNumber {

    private TaskAttemptNumber() {}

    /** The running task's attempt number; 0 outside a task. */
    public static int current() {
        TaskContext context = TaskContext.get();
        return context == null ? 0 : context.attemptNumber();
    }
}
