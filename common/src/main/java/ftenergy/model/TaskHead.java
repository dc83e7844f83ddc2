package ftenergy.model;

import ftenergy.data.TaskInfo;
import ftenergy.data.TaskType;
import java.util.List;

/**
 * Which output layer sits on the encoder, and over which labels.
 *
 * <p>Each head carries the HuggingFace module name its parameters live under, so a checkpoint of
 * {@code BertForSequenceClassification}, {@code BertForTokenClassification},
 * {@code BertForQuestionAnswering} or {@code BertForMaskedLM} maps onto it one to one.
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

    /** HuggingFace's class name for a BERT with this head, as written to {@code config.json}. */
    public String huggingFaceArchitecture() {
        return switch (type) {
            case SEQUENCE_CLASSIFICATION -> "BertForSequenceClassification";
            case TOKEN_CLASSIFICATION -> "BertForTokenClassification";
            case SPAN_QA -> "BertForQuestionAnswering";
            case MASKED_LM -> "BertForMaskedLM";
        };
    }

    /**
     * The head type of a HuggingFace BERT architecture name ({@code BertForPreTraining} counts as
     * masked LM: its MLM head is ours, its next-sentence head is dropped); {@code null} for none.
     */
    public static TaskType typeOfArchitecture(String architecture) {
        return switch (architecture) {
            case "BertForSequenceClassification" -> TaskType.SEQUENCE_CLASSIFICATION;
            case "BertForTokenClassification" -> TaskType.TOKEN_CLASSIFICATION;
            case "BertForQuestionAnswering" -> TaskType.SPAN_QA;
            case "BertForMaskedLM", "BertForPreTraining" -> TaskType.MASKED_LM;
            default -> null;
        };
    }
}
