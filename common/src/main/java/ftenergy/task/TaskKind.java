package ftenergy.task;

import ftenergy.data.TaskType;
import java.util.List;
import java.util.Optional;

/**
 * What a declared task asks of the model, as its {@code type} key names it; each kind needs its own
 * columns of the source.
 */
public enum TaskKind {
    /** One text, one class (SST-2, IMDB). */
    SINGLE_CLASSIFICATION("single-classification", TaskType.SEQUENCE_CLASSIFICATION,
            List.of(TaskColumns.TEXT, TaskColumns.LABEL)),
    /** Two texts, one class (MNLI, RTE). */
    PAIR_CLASSIFICATION("pair-classification", TaskType.SEQUENCE_CLASSIFICATION,
            List.of(TaskColumns.TEXT, TaskColumns.TEXT_PAIR, TaskColumns.LABEL)),
    /** One tag per word (CoNLL-2003). */
    TOKEN_CLASSIFICATION("token-classification", TaskType.TOKEN_CLASSIFICATION,
            List.of(TaskColumns.TOKENS, TaskColumns.TAGS)),
    /** An answer span in a context, or none (SQuAD v1.1, v2.0). */
    SPAN_QA("span-qa", TaskType.SPAN_QA, List.of(TaskColumns.QUESTION, TaskColumns.CONTEXT, TaskColumns.ANSWERS)),
    /** Plain text for masked-LM pre-training and distillation (a sweep's corpus). */
    MASKED_LM("masked-lm", TaskType.MASKED_LM, List.of(TaskColumns.TEXT));

    private final String configName;
    private final TaskType taskType;
    private final List<String> columns;

    TaskKind(String configName, TaskType taskType, List<String> columns) {
        this.configName = configName;
        this.taskType = taskType;
        this.columns = columns;
    }

    /** The value of the {@code type} key. */
    public String configName() {
        return configName;
    }

    /** What the trainer predicts for it. */
    public TaskType taskType() {
        return taskType;
    }

    /** The column roles a source must map (see {@link TaskColumns}); {@code id} is always optional. */
    public List<String> columns() {
        return columns;
    }

    /** The kind the {@code type} key names, if any. */
    public static Optional<TaskKind> byConfigName(String name) {
        for (TaskKind kind : values()) {
            if (kind.configName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Every {@code type} value, for messages. */
    public static List<String> configNames() {
        return java.util.Arrays.stream(values()).map(TaskKind::configName).toList();
    }
}
