package ftenergy.data;

import java.util.List;

/**
 * The paper's tasks with their standard readers, for when the real files are available (they are
 * not on this project's machines; see {@code DATA.md}). Label lists are in class-index order, as
 * in the HuggingFace exports.
 */
public final class PaperTasks {

    /** GLUE SST-2: single sentence, 0 negative / 1 positive. */
    public static final TaskInfo SST2 = new TaskInfo("sst2", TaskType.SEQUENCE_CLASSIFICATION, List.of("0", "1"), null);
    /** GLUE MNLI: premise/hypothesis pairs, three classes. */
    public static final TaskInfo MNLI = new TaskInfo("mnli", TaskType.SEQUENCE_CLASSIFICATION,
            List.of("entailment", "neutral", "contradiction"), null);
    /** GLUE RTE: sentence pairs, two classes. */
    public static final TaskInfo RTE = new TaskInfo("rte", TaskType.SEQUENCE_CLASSIFICATION,
            List.of("entailment", "not_entailment"), null);
    /** IMDB movie reviews: long single documents, neg/pos. */
    public static final TaskInfo IMDB = new TaskInfo("imdb", TaskType.SEQUENCE_CLASSIFICATION, ImdbReader.LABELS, null);
    /** SQuAD v1.1: extractive QA, always answerable. */
    public static final TaskInfo SQUAD_V1 = new TaskInfo("squad_v1", TaskType.SPAN_QA, List.of(), null,
            QaSettings.squadV1());
    /** SQuAD v2.0: extractive QA with unanswerable questions. */
    public static final TaskInfo SQUAD_V2 = new TaskInfo("squad_v2", TaskType.SPAN_QA, List.of(), null,
            QaSettings.squadV2());
    /** CoNLL-2003 English NER, IOB tags. */
    public static final TaskInfo CONLL2003 = new TaskInfo("conll2003", TaskType.TOKEN_CLASSIFICATION,
            ConllReader.CONLL2003_NER_TAGS, null);

    /** All of them, in the paper's order. */
    public static final List<TaskInfo> ALL = List.of(MNLI, RTE, SST2, IMDB, SQUAD_V1, SQUAD_V2, CONLL2003);

    private PaperTasks() {}

    /**
     * The reader of a task's files in their distributed format: GLUE TSV, the aclImdb folder
     * layout, SQuAD JSON, CoNLL columns. (JSON-lines exports: {@link JsonlReader}.)
     *
     * @throws IllegalArgumentException for a task not in {@link #ALL}
     */
    public static TaskReader<? extends TaskRecord> standardReader(TaskInfo task) {
        return switch (task.name()) {
            case "sst2" -> GlueTsvReader.sst2();
            case "mnli" -> GlueTsvReader.mnli();
            case "rte" -> GlueTsvReader.rte();
            case "imdb" -> ImdbReader.folder();
            case "squad_v1" -> SquadReader.v1();
            case "squad_v2" -> SquadReader.v2();
            case "conll2003" -> ConllReader.conll2003Ner();
            default -> throw new IllegalArgumentException("no standard reader for task '" + task.name() + "'; known: "
                    + ALL.stream().map(TaskInfo::name).toList());
        };
    }
}
