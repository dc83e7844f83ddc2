package ftenergy.prepare;

import ftenergy.data.CorpusStore;
import ftenergy.data.Splits;
import ftenergy.data.TaggedRecord;
import ftenergy.data.TaskRecord;
import ftenergy.data.TextRecord;
import ftenergy.task.TaskDefinition;
import ftenergy.task.TaskFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * A task's records as Spark holds them, whichever way they were read, and the label names when the
 * source fixes them.
 *
 * <p>The rows are read once and kept on the executors' disks ({@link #release} frees them): the
 * label names, the hold-out and the tokenizing each go over them.
 *
 * @param rows records and malformed rows, with their splits
 * @param labels label names in class-index order; empty: take the sorted distinct training labels
 * @param read the rows as read, persisted
 */
record TaskRecords(JavaRDD<SourceRow> rows, List<String> labels, JavaRDD<SourceRow> read) {

    TaskRecords {
        labels = List.copyOf(labels);
    }

    /** Reads {@code task} the way its format is read. */
    static TaskRecords read(SparkSession spark, SourceFiles files, TaskDefinition task, CorpusStore store, double validationFraction,
            long seed, RecordCap cap) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<SourceRow> rows;
        List<String> labels = task.labels();
        switch (task.format().reading()) {
            case STAND_IN -> {
                StandInRecords.Built built = StandInRecords.read(context, task, store, validationFraction, seed, cap);
                rows = built.rows();
                labels = built.labels();
            }
            case FILE_READER -> rows = FileRecords.read(context, task, validationFraction, seed, cap);
            case TABLE -> {
                rows = TableRecords.read(spark, files, task, task.train(), Splits.TRAIN, cap.of(Splits.TRAIN));
                if (task.validation() != null) {
                    rows = rows.union(TableRecords.read(spark, files, task, task.validation(), Splits.VALIDATION,
                            cap.of(Splits.VALIDATION)));
                }
            }
            default -> throw new IllegalStateException("unknown reading " + task.format().reading());
        }
        JavaRDD<SourceRow> read = rows.persist(StorageLevel.DISK_ONLY());
        boolean heldOut = task.format().reading() == TaskFormat.Reading.TABLE && task.validation() == null;
        return new TaskRecords(heldOut ? holdOut(read, validationFraction, seed) : read, labels, read);
    }

    /**
     * The label names in class-index order: the source's, or the sorted distinct training labels
     * (numerically when they are all whole numbers, as class indices are).
     */
    List<String> labelNames() {
        if (!labels.isEmpty()) {
            return labels;
        }
        List<String> found = new ArrayList<>(rows.filter(row -> row.isRecord() && Splits.TRAIN.equals(row.split()))
                .flatMap(row -> labelsOf(row.record()).iterator()).distinct().collect());
        if (found.stream().allMatch(label -> label.matches("-?\\d{1,18}"))) {
            found.sort(Comparator.comparingLong(Long::parseLong));
        } else {
            Collections.sort(found);
        }
        return found;
    }

    /** Frees the rows kept on the executors. */
    void release() {
        read.unpersist(false);
    }

    private static List<String> labelsOf(TaskRecord record) {
        if (record instanceof TextRecord text) {
            return text.label() == null ? List.of() : List.of(text.label());
        }
        if (record instanceof TaggedRecord tagged) {
            return tagged.tags();
        }
        return List.of();
    }

    /**
     * Holds out {@code fraction} of the training records as validation: those with the smallest
     * {@link Splits#key}, as {@link Splits#byId} chooses them, without gathering the records
     * anywhere (only the held-out keys reach the driver). Reads {@code rows} twice.
     */
    private static JavaRDD<SourceRow> holdOut(JavaRDD<SourceRow> rows, double fraction, long seed) {
        JavaRDD<SourceRow> records = rows.filter(SourceRow::isRecord);
        int held = (int) Math.round(records.count() * fraction);
        if (held == 0) {
            return rows;
        }
        List<Long> smallest = records.map(row -> Splits.key(row.record().id(), seed)).takeOrdered(held);
        long threshold = smallest.get(held - 1);
        return rows.map(row -> row.isRecord() && Splits.key(row.record().id(), seed) <= threshold
                ? row.inSplit(Splits.VALIDATION) : row);
    }
}
