package ftenergy.prepare;

import ftenergy.data.ReadResult;
import ftenergy.data.Splits;
import ftenergy.data.TaskDataException;
import ftenergy.data.TaskRecord;
import ftenergy.task.TaskDefinition;
import ftenergy.task.TaskReaders;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A task stored in a file format (GLUE TSV, aclImdb folders, SQuAD JSON, CoNLL columns, JSON
 * lines), read by the {@code data} package's reader on an executor, one Spark task per split's
 * file: the records never pass through the driver. Without a validation file, the training file's
 * task holds out the validation share by a hash of each record's id ({@link Splits#byId}).
 */
final class FileRecords {

    private FileRecords() {}

    static JavaRDD<SourceRow> read(JavaSparkContext spark, TaskDefinition task, double validationFraction, long seed,
            RecordCap cap) {
        List<SplitFile> files = new ArrayList<>();
        files.add(new SplitFile(task, task.validation() == null ? null : Splits.TRAIN, task.train(), validationFraction, seed, cap));
        if (task.validation() != null) {
            files.add(new SplitFile(task, Splits.VALIDATION, task.validation(), validationFraction, seed, cap));
        }
        return spark.parallelize(files, files.size()).flatMap(SplitFile::rows);
    }

    /**
     * One file's read, shipped to an executor.
     *
     * @param split the split it holds; {@code null}: both, held out by id
     */
    private record SplitFile(TaskDefinition task, String split, String path, double validationFraction, long seed, RecordCap cap)
            implements Serializable {

        Iterator<SourceRow> rows() {
            java.nio.file.Path local = java.nio.file.Path.of(new org.apache.hadoop.fs.Path(path).toUri().getPath());
            ReadResult<? extends TaskRecord> read = TaskReaders.of(task).read(local, task.budget());
            List<SourceRow> out = new ArrayList<>(read.records().size() + read.issues().size());
            read.issues().forEach(issue -> out.add(SourceRow.malformed(split == null ? Splits.TRAIN : split, issue)));
            if (split != null) {
                cap.apply(split, read.records()).forEach(record -> out.add(SourceRow.of(split, record, path)));
                return out.iterator();
            }
            Splits<? extends TaskRecord> splits;
            try {
                splits = Splits.byId(read.records(), validationFraction, seed);
            } catch (IllegalArgumentException e) {
                throw new TaskDataException(path, 0, e.getMessage() + "; ids must be unique to hold out a validation share by id");
            }
            cap.apply(Splits.TRAIN, splits.train()).forEach(record -> out.add(SourceRow.of(Splits.TRAIN, record, path)));
            cap.apply(Splits.VALIDATION, splits.validation()).forEach(record -> out.add(SourceRow.of(Splits.VALIDATION, record, path)));
            return out.iterator();
        }
    }
}
