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
 * @param qa for extractive QA, its windows and answer rule; {@code null} for other types
 */
public record TaskInfo(String name, TaskType type, List<String> labelNames, String standsInFor, QaSettings qa)
        implements Serializable {

    public TaskInfo {
        labelNames = List.copyOf(labelNames);
        if ((type == TaskType.SPAN_QA) != (qa != null)) {
            throw new IllegalArgumentException("task " + name + " is " + type + (qa == null
                    ? " but has no QA settings" : " and takes no QA settings"));
        }
    }

    /**
     * A task with default QA settings where it is extractive QA: SQuAD v2.0's
     * ({@link QaSettings#squadV2()}: 384-token windows, stride 128, null-score rule at 0).
     */
    public TaskInfo(String name, TaskType type, List<String> labelNames, String standsInFor) {
        this(name, type, labelNames, standsInFor, type == TaskType.SPAN_QA ? QaSettings.squadV2() : null);
    }

    public int numLabels() {
        return labelNames.size();
    }
}
