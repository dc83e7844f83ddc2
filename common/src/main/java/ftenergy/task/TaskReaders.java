package ftenergy.task;

import ftenergy.data.ColumnMapping;
import ftenergy.data.ConllReader;
import ftenergy.data.GlueTsvReader;
import ftenergy.data.ImdbReader;
import ftenergy.data.JsonlReader;
import ftenergy.data.QaRecord;
import ftenergy.data.ReadIssue;
import ftenergy.data.ReadResult;
import ftenergy.data.SquadReader;
import ftenergy.data.TaskReader;
import ftenergy.data.TaskRecord;
import java.util.ArrayList;
import java.util.List;

/** The {@code data} package's reader of a task stored in a file format, set up from its definition. */
public final class TaskReaders {

    private TaskReaders() {}

    /**
     * The reader of {@code task}'s files: GLUE TSV, the aclImdb folders, SQuAD JSON, CoNLL columns or
     * JSON lines, with the task's columns and labels (any label is accepted when none are listed).
     *
     * @throws IllegalArgumentException for a format no file reader reads (tables, stand-ins)
     */
    public static TaskReader<? extends TaskRecord> of(TaskDefinition task) {
        TaskColumns columns = task.columns();
        return switch (task.format()) {
            case GLUE_TSV -> new GlueTsvReader(columns.get(TaskColumns.TEXT), columns.get(TaskColumns.TEXT_PAIR),
                    columns.get(TaskColumns.LABEL), task.labels());
            case IMDB -> ImdbReader.folder();
            case SQUAD -> task.unanswerable() ? SquadReader.v2() : SquadReader.v1();
            case CONLL -> new ConllReader(number(columns.get(TaskColumns.TOKENS), 0), number(columns.get(TaskColumns.TAGS), -1),
                    task.labels());
            case JSONL -> jsonl(task);
            case CSV, JSON, PARQUET, DELTA, STAND_IN -> throw new IllegalArgumentException(
                    "task " + task.name() + ": format " + task.format().configName() + " is not read by a file reader");
        };
    }

    private static TaskReader<? extends TaskRecord> jsonl(TaskDefinition task) {
        TaskColumns c = task.columns();
        return switch (task.kind()) {
            case SINGLE_CLASSIFICATION, PAIR_CLASSIFICATION -> JsonlReader.text(new ColumnMapping(c.get(TaskColumns.ID),
                    c.get(TaskColumns.TEXT), c.get(TaskColumns.TEXT_PAIR), c.get(TaskColumns.LABEL)), task.labels());
            case TOKEN_CLASSIFICATION -> JsonlReader.tagged(c.get(TaskColumns.ID), c.get(TaskColumns.TOKENS),
                    c.get(TaskColumns.TAGS), task.labels());
            case SPAN_QA -> task.unanswerable() ? JsonlReader.qa() : answerableOnly(JsonlReader.qa());
            case MASKED_LM -> throw new IllegalArgumentException("task " + task.name() + ": format jsonl gives no masked-lm text");
        };
    }

    /** SQuAD v1.1 semantics over the JSON-lines export: a question without answers is malformed. */
    private static TaskReader<QaRecord> answerableOnly(TaskReader<QaRecord> reader) {
        return (source, budget) -> {
            ReadResult<QaRecord> read = reader.read(source, budget);
            List<QaRecord> records = new ArrayList<>();
            List<ReadIssue> issues = new ArrayList<>(read.issues());
            for (QaRecord record : read.records()) {
                if (record.isUnanswerable()) {
                    issues.add(new ReadIssue(read.source(), 0, "question " + record.id()
                            + " has no answers, and the task is not unanswerable = true"));
                } else {
                    records.add(record);
                }
            }
            return budget.check(new ReadResult<>(read.source(), records, issues));
        };
    }

    private static int number(String column, int fallback) {
        return column == null ? fallback : Integer.parseInt(column);
    }
}
