package ftenergy.lake;

import ftenergy.data.Example;
import ftenergy.data.QaSettings;
import ftenergy.data.QaWindow;
import ftenergy.data.TaskInfo;
import ftenergy.data.TaskType;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * {@link Example}s as rows of the {@code examples} table ({@link ExamplesTable} defines its columns)
 * and back: prepare writes them, runs read them. Each row also carries its task's
 * description (type, labels, QA windows and answer rule), so the table alone says how to train
 * and score its examples.
 */
public final class ExampleRows {

    private ExampleRows() {}

    /**
     * The row of {@code e}, an example of {@code task} tokenized by the tokenizer with hash
     * {@code tokenizerHash}, read by the task definition whose fingerprint is {@code taskDefinition}.
     */
    public static Row row(Example e, TaskInfo task, String tokenizerHash, String taskDefinition) {
        return ExamplesTable.COLUMNS.row(new ExamplesTable.Encoded(e, task, tokenizerHash, taskDefinition));
    }

    /** The example a row holds; a span-QA row prepared before windows existed has none. */
    public static Example example(Row row) {
        QaWindow window = row.isNullAt(row.fieldIndex("question_id")) ? null : new QaWindow(row.getAs("question_id"),
                row.getAs("context"), row.getList(row.fieldIndex("gold_answers")), ints(row, "context_starts"),
                ints(row, "context_ends"));
        return new Example(row.getAs("task"), row.getAs("split"), row.getAs("example_id"), ints(row, "input_ids"),
                ints(row, "type_ids"), row.<Integer>getAs("label"), ints(row, "token_labels"),
                row.<Integer>getAs("span_start"), row.<Integer>getAs("span_end"), window);
    }

    /**
     * The task a row's example belongs to. A span-QA task prepared before its windows and answer
     * rule were recorded gets SQuAD v2.0's defaults, the rule its examples were scored by then.
     */
    public static TaskInfo task(Row row) {
        TaskType type = TaskType.valueOf(row.getAs("task_type"));
        List<String> labels = row.getList(row.fieldIndex("label_names"));
        QaSettings qa = null;
        if (type == TaskType.SPAN_QA) {
            qa = row.isNullAt(row.fieldIndex("qa_max_length")) ? QaSettings.squadV2()
                    : new QaSettings(row.<Integer>getAs("qa_max_length"), row.<Integer>getAs("qa_doc_stride"),
                            row.<Boolean>getAs("qa_unanswerable"), row.<Double>getAs("qa_null_score_threshold"));
        }
        return new TaskInfo(row.getAs("task"), type, labels, row.getAs("stands_in_for"), qa);
    }

    private static int[] ints(Row row, String column) {
        List<Integer> values = row.getList(row.fieldIndex(column));
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
