package ftenergy.attempt;

import ftenergy.data.Example;
import ftenergy.data.TaskInfo;
import java.io.Serializable;
import java.util.List;

/**
 * A task's tokenized examples as one attempt trains and evaluates on them (see {@link TaskDataSource}).
 *
 * @param info the task
 * @param train training split
 * @param eval evaluation split
 */
public record TaskData(TaskInfo info, List<Example> train, List<Example> eval) implements Serializable {

    public TaskData {
        train = List.copyOf(train);
        eval = List.copyOf(eval);
    }
}
