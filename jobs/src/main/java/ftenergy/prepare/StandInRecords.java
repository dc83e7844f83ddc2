package ftenergy.prepare;

import ftenergy.data.CorpusStore;
import ftenergy.data.LoadedTask;
import ftenergy.data.Splits;
import ftenergy.data.TaskRecord;
import ftenergy.task.TaskDefinition;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A stand-in task, built on the driver from the corpora it fetched (at most some 57k records) and
 * handed to Spark for tokenizing. Its labels are the builder's.
 */
final class StandInRecords {

    /** Records per Spark partition: enough to amortise loading the tokenizer per partition. */
    /**
     * Records per partition: the records travel inside their tasks, and the longest stand-in (whole
     * e-mails, a few KiB each) must stay under Spark's recommended 1 MiB per task.
     */
    private static final int RECORDS_PER_PARTITION = 200;

    private StandInRecords() {}

    /** The records, and the builder's label names. */
    record Built(JavaRDD<SourceRow> rows, List<String> labels) {}

    static Built read(JavaSparkContext spark, TaskDefinition task, CorpusStore store, double validationFraction, long seed,
            RecordCap cap) {
        LoadedTask<? extends TaskRecord> loaded = task.source().load(store, seed, task.maxRecords(), task.budget());
        Splits<? extends TaskRecord> splits = loaded.split(validationFraction, seed);
        String location = "stand-in source " + task.source().configName();
        List<SourceRow> rows = new ArrayList<>();
        loaded.read().issues().forEach(issue -> rows.add(SourceRow.malformed(Splits.TRAIN, issue)));
        cap.apply(Splits.TRAIN, splits.train()).forEach(record -> rows.add(SourceRow.of(Splits.TRAIN, record, location)));
        cap.apply(Splits.VALIDATION, splits.validation()).forEach(record -> rows.add(SourceRow.of(Splits.VALIDATION, record, location)));
        int partitions = rows.size() / RECORDS_PER_PARTITION + 1;
        return new Built(spark.parallelize(rows, partitions), loaded.info().labelNames());
    }
}
