package ftenergy.sweep;

import ftenergy.attempt.TaskData;
import ftenergy.attempt.TaskDataSource;
import ftenergy.attempt.Truncation;
import ftenergy.data.Example;
import ftenergy.data.QaSettings;
import ftenergy.data.QaWindow;
import ftenergy.data.Splits;
import ftenergy.data.TaskDataException;
import ftenergy.data.TaskInfo;
import ftenergy.data.TaskType;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.util.SerializableConfiguration;

/**
 * A run's examples, read where the run runs: its task's partition of the {@code examples} table,
 * at the table version the sweep prepared, read with Delta Kernel on the executor. Nothing of the
 * task passes through the driver, however large it is; only this small description travels with
 * the attempt.
 *
 * <p>Examples are those of the sweep's tokenizer, in example-id order per split (as the driver's
 * query ordered them before), capped and cut to the run's length.
 */
final class PreparedExamples implements TaskDataSource {

    private static final long serialVersionUID = 1L;

    private static final List<String> COLUMNS = List.of("split", "example_id", "input_ids", "type_ids", "label", "token_labels",
            "span_start", "span_end", "tokenizer", "task_type", "label_names", "stands_in_for", "question_id", "context",
            "gold_answers", "context_starts", "context_ends", "qa_max_length", "qa_doc_stride", "qa_unanswerable",
            "qa_null_score_threshold");

    private final String table;
    private final long version;
    private final String task;
    private final String tokenizer;
    private final Truncation truncation;
    private final int maxTrain;
    private final int maxEval;
    private final SerializableConfiguration hadoop;

    /**
     * @param table path of the {@code examples} table
     * @param version the table version to read
     * @param task the task whose partition is read
     * @param tokenizer hash of the tokenizer whose examples are read
     * @param truncation the run's length
     * @param maxTrain cap on training examples (0 = all)
     * @param maxEval cap on evaluation examples (0 = all)
     * @param hadoop the file system settings of the cluster (credentials for s3a:// and the like)
     */
    PreparedExamples(String table, long version, String task, String tokenizer, Truncation truncation, int maxTrain, int maxEval,
            SerializableConfiguration hadoop) {
        this.table = table;
        this.version = version;
        this.task = task;
        this.tokenizer = tokenizer;
        this.truncation = truncation;
        this.maxTrain = maxTrain;
        this.maxEval = maxEval;
        this.hadoop = hadoop;
    }

    @Override
    public TaskData load() {
        Engine engine = DefaultEngine.create(hadoop.value());
        Snapshot snapshot = Table.forPath(engine, table).getSnapshotAsOfVersion(engine, version);
        StructType schema = new StructType();
        for (String column : COLUMNS) {
            schema = schema.add(snapshot.getSchema().get(column));
        }
        Scan scan = snapshot.getScanBuilder()
                .withFilter(new Predicate("=", new Column("task"), Literal.ofString(task)))
                .withReadSchema(schema)
                .build();
        Found found = new Found();
        try {
            read(engine, scan, found);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the examples of task '" + task + "' from " + table + " version " + version, e);
        }
        if (found.info == null) {
            throw new TaskDataException(table, 0, "no examples of task '" + task + "' with tokenizer " + tokenizer + " at version "
                    + version + "; run `ftenergy prepare` with the same config");
        }
        return new TaskData(found.info, capped(found.train, maxTrain), capped(found.eval, maxEval));
    }

    /** What the scan found: examples per split and the task's description. */
    private static final class Found {
        final List<Example> train = new ArrayList<>();
        final List<Example> eval = new ArrayList<>();
        TaskInfo info;
    }

    private void read(Engine engine, Scan scan, Found found) throws IOException {
        Row scanState = scan.getScanState(engine);
        StructType physical = ScanStateRow.getPhysicalDataReadSchema(scanState);
        try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
            while (files.hasNext()) {
                try (CloseableIterator<Row> fileRows = files.next().getRows()) {
                    while (fileRows.hasNext()) {
                        Row file = fileRows.next();
                        FileStatus status = InternalScanFileUtils.getAddFileStatus(file);
                        try (CloseableIterator<FileReadResult> data = engine.getParquetHandler()
                                        .readParquetFiles(Utils.singletonCloseableIterator(status), physical, Optional.empty());
                                CloseableIterator<FilteredColumnarBatch> batches = Scan.transformPhysicalData(engine, scanState, file,
                                        data.map(FileReadResult::getData))) {
                            while (batches.hasNext()) {
                                add(batches.next(), found);
                            }
                        }
                    }
                }
            }
        }
    }

    private void add(FilteredColumnarBatch filtered, Found found) {
        ColumnarBatch batch = filtered.getData();
        Optional<ColumnVector> selected = filtered.getSelectionVector();
        ColumnVector[] v = new ColumnVector[COLUMNS.size()];
        for (int c = 0; c < v.length; c++) {
            v[c] = batch.getColumnVector(batch.getSchema().indexOf(COLUMNS.get(c)));
        }
        for (int r = 0; r < batch.getSize(); r++) {
            if (selected.isPresent() && (selected.get().isNullAt(r) || !selected.get().getBoolean(r)) || !tokenizer.equals(v[8].getString(r))) {
                continue;
            }
            String split = v[0].getString(r);
            QaWindow window = v[12].isNullAt(r) ? null : new QaWindow(v[12].getString(r), v[13].getString(r), strings(v[14], r),
                    ints(v[15], r), ints(v[16], r));
            Example example = new Example(task, split, v[1].getString(r), ints(v[2], r), ints(v[3], r), v[4].getInt(r),
                    ints(v[5], r), v[6].getInt(r), v[7].getInt(r), window);
            (split.equals(Splits.TRAIN) ? found.train : found.eval).add(example);
            if (found.info == null) {
                found.info = info(v, r);
            }
        }
    }

    /**
     * The task as its rows describe it; a span-QA task prepared before its windows and answer rule
     * were recorded gets SQuAD v2.0's defaults (as {@link ftenergy.lake.ExampleRows#task} reads it).
     */
    private TaskInfo info(ColumnVector[] v, int r) {
        TaskType type = TaskType.valueOf(v[9].getString(r));
        QaSettings qa = null;
        if (type == TaskType.SPAN_QA) {
            qa = v[17].isNullAt(r) ? QaSettings.squadV2()
                    : new QaSettings(v[17].getInt(r), v[18].getInt(r), v[19].getBoolean(r), v[20].getDouble(r));
        }
        return new TaskInfo(task, type, strings(v[10], r), v[11].isNullAt(r) ? null : v[11].getString(r), qa);
    }

    private List<Example> capped(List<Example> examples, int cap) {
        examples.sort(Comparator.comparing(Example::exampleId));
        List<Example> kept = cap == 0 || examples.size() <= cap ? examples : examples.subList(0, cap);
        List<Example> out = new ArrayList<>(kept.size());
        kept.forEach(example -> out.add(truncation.apply(example)));
        return out;
    }

    private static int[] ints(ColumnVector arrays, int row) {
        if (arrays.isNullAt(row)) {
            return new int[0];
        }
        ColumnVector elements = arrays.getArray(row).getElements();
        int[] out = new int[arrays.getArray(row).getSize()];
        for (int i = 0; i < out.length; i++) {
            out[i] = elements.getInt(i);
        }
        return out;
    }

    private static List<String> strings(ColumnVector arrays, int row) {
        ColumnVector elements = arrays.getArray(row).getElements();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < arrays.getArray(row).getSize(); i++) {
            out.add(elements.getString(i));
        }
        return out;
    }
}
