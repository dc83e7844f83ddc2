package ftenergy.data;

import java.io.Serializable;
import java.util.List;

/**
 * What a trainer needs to know about a task.
 *
 * @param name task name as used in configs and the {@code task} columns
 * @param type what is predicted
 * @param labelNames label vocabulary (classes or tags); empty for QA and MLM
 * @param standsInFor the paper's task this one stands in for, or {@code null} if it is the real one
 */
public record TaskInfo(String name, TaskType type, List<String> labelNames, String standsInFor) implements Serializable {

    public TaskInfo {
        labelNames = List.copyOf(labelNames);
    }

    public int numLabels() {
        return labelNames.size();
    }
}
