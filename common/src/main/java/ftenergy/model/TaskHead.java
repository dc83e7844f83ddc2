package ftenergy.model;

import ftenergy.data.TaskInfo;
import ftenergy.data.TaskType;
import java.util.List;

/**
 * Which output layer sits on the encoder, and over which labels.
 *
 * <p>Each head's parameters live under HuggingFace's module name ({@code classifier},
 * {@code qa_outputs}, {@code cls.predictions}), so a checkpoint of {@code BertForSequenceClassification},
 * {@code BertForTokenClassification}, {@code BertForQuestionAnswering} or {@code BertForMaskedLM}
 * (and their DistilBERT kin) maps onto it one to one.
 *
 * @param type what is predicted
 * @param labels class or tag names (empty for span QA and masked LM)
 */
public record TaskHead(TaskType type, List<String> labels) {

    public TaskHead {
        labels = List.copyOf(labels);
        boolean labelled = type == TaskType.SEQUENCE_CLASSIFICATION || type == TaskType.TOKEN_CLASSIFICATION;
        if (labelled && labels.size() < 2) {
            throw new IllegalArgumentException(type + " head needs at least 2 labels, got " + labels);
        }
        if (!labelled && !labels.isEmpty()) {
            throw new IllegalArgumentException(type + " head takes no labels, got " + labels);
        }
    }

    /** The masked-LM head (pre-training, distillation). */
    public static TaskHead maskedLm() {
        return new TaskHead(TaskType.MASKED_LM, List.of());
    }

    /** The head a task needs. */
    public static TaskHead of(TaskInfo task) {
        return switch (task.type()) {
            case SEQUENCE_CLASSIFICATION, TOKEN_CLASSIFICATION -> new TaskHead(task.type(), task.labelNames());
            case SPAN_QA, MASKED_LM -> new TaskHead(task.type(), List.of());
        };
    }

    /** Outputs per position or sequence: the label count, 2 for QA (start, end), 0 for MLM (the vocabulary). */
    public int outputs() {
        return type == TaskType.SPAN_QA ? 2 : labels.size();
    }

    /** Whether the head reads the [CLS] pooler; only sequence classification does. */
    public boolean usesPooler() {
        return type == TaskType.SEQUENCE_CLASSIFICATION;
    }
}
