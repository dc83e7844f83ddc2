package ftenergy.data;

/** What a task asks the model to predict; decides the head and the metric. */
public enum TaskType {
    /** One label per sequence (single sentence or sentence pair): SST-2, IMDB, MNLI, RTE. */
    SEQUENCE_CLASSIFICATION,
    /** One label per token, first sub-token carries it: CoNLL-2003, POS tagging. */
    TOKEN_CLASSIFICATION,
    /** Start and end token of an answer span, [CLS] for "no answer": SQuAD v1/v2. */
    SPAN_QA,
    /** Masked-token prediction over a corpus: pre-training and distillation. */
    MASKED_LM
}
