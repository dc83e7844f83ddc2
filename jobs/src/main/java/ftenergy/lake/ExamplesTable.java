package ftenergy.lake;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import ftenergy.data.Example;
import ftenergy.data.QaSettings;
import ftenergy.data.QaWindow;
import ftenergy.data.TaskInfo;
import ftenergy.data.TaskType;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code examples} table: one row per tokenized example, each column's value next to its name.
 * Partitioned by task: prepare writes, and runs read, one task at a time.
 */
public final class ExamplesTable {

    private ExamplesTable() {}

    /**
     * An {@code examples} row's source: the example, its task, the tokenizer that encoded it and
     * the fingerprint of the task's definition it was read by.
     */
    public record Encoded(Example example, TaskInfo task, String tokenizerHash, String taskDefinition) {}

    static final List<String> SPLITS = List.of("train", "validation", "test");
    static final List<String> TASK_TYPES = Arrays.stream(TaskType.values()).map(TaskType::name).toList();

    public static final TableColumns<Encoded> COLUMNS = TableColumns.<Encoded>builder()
            .key("task", StringType, "task", e -> e.example().task())
            .keyOneOf("split", SPLITS, "train | validation | test", e -> e.example().split())
            .key("example_id", StringType, "stable id within task and split", e -> e.example().exampleId())
            .add("input_ids", createArrayType(IntegerType), "token ids with [CLS]/[SEP]", e -> e.example().inputIds())
            .add("type_ids", createArrayType(IntegerType), "segment ids", e -> e.example().typeIds())
            .add("label", IntegerType, "class index, -1 if none", e -> e.example().label())
            .add("token_labels", createArrayType(IntegerType), "per-token tags, -100 = ignored", e -> e.example().tokenLabels())
            .add("span_start", IntegerType, "QA answer start token, -1 if none", e -> e.example().spanStart())
            .add("span_end", IntegerType, "QA answer end token, -1 if none", e -> e.example().spanEnd())
            .add("length", IntegerType, "real tokens", e -> e.example().length())
            .add("tokenizer", StringType, "hash of the tokenizer that produced the ids", Encoded::tokenizerHash)
            .oneOf("task_type", TASK_TYPES, "SEQUENCE_CLASSIFICATION | TOKEN_CLASSIFICATION | SPAN_QA | MASKED_LM",
                    e -> e.task().type().name())
            .add("label_names", createArrayType(StringType), "the task's label vocabulary, index = label",
                    e -> e.task().labelNames().toArray(String[]::new))
            .add("stands_in_for", StringType, "the paper's task this stand-in replaces, null if real", e -> e.task().standsInFor())
            .add("question_id", StringType, "span QA: the question this window belongs to; null otherwise", e -> window(e, QaWindow::questionId))
            .add("context", StringType, "span QA: the whole context answers are cut from", e -> window(e, QaWindow::context))
            .add("gold_answers", createArrayType(StringType), "span QA: every gold answer's text, empty if unanswerable",
                    e -> window(e, w -> w.goldAnswers().toArray(String[]::new)))
            .add("context_starts", createArrayType(IntegerType), "span QA: each token's first character in the context, -1"
                    + " outside it", e -> window(e, QaWindow::contextStarts))
            .add("context_ends", createArrayType(IntegerType), "span QA: one past each token's last character in the context,"
                    + " -1 outside it", e -> window(e, QaWindow::contextEnds))
            .add("qa_max_length", IntegerType, "span QA: tokens per window the task was cut into", e -> qa(e, QaSettings::maxLength))
            .add("qa_doc_stride", IntegerType, "span QA: context tokens consecutive windows share", e -> qa(e, QaSettings::docStride))
            .add("qa_unanswerable", BooleanType, "span QA: whether questions may have no answer (SQuAD v2.0)",
                    e -> qa(e, QaSettings::unanswerable))
            .add("qa_null_score_threshold", DoubleType, "span QA: no answer when the null score beats the best span by more",
                    e -> qa(e, QaSettings::nullScoreThreshold))
            .add("task_definition", StringType, "hash of the task's definition (format, paths, columns, labels) the examples"
                    + " were prepared from; a task whose definition changed is prepared again", Encoded::taskDefinition)
            .build();

    private static Object window(Encoded e, java.util.function.Function<QaWindow, Object> value) {
        return e.example().window() == null ? null : value.apply(e.example().window());
    }

    private static Object qa(Encoded e, java.util.function.Function<QaSettings, Object> value) {
        return e.task().qa() == null ? null : value.apply(e.task().qa());
    }

    /** Written through Spark only, so Delta enforces its CHECK constraints (Kernel appends never write it). */
    public static final LakeTable TABLE = new LakeTable("examples", COLUMNS.schema(), COLUMNS.keys(), List.of("task"),
            "one row per tokenized example").withChecks(COLUMNS);
}
