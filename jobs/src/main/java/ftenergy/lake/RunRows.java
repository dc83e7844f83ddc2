package ftenergy.lake;

import ftenergy.live.AttemptIdentity;
import ftenergy.meter.PowerSample;
import ftenergy.run.AttemptResult;
import ftenergy.run.RunRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Flattens an {@link AttemptResult} into rows of the run tables, through each table's column definitions. */
public final class RunRows {

    private RunRows() {}

    public static Dataset<Row> run(SparkSession spark, AttemptResult result) {
        return spark.createDataFrame(List.of(runRow(result.run(), Instant.now())), RunsTable.TABLE.schema());
    }

    static Row runRow(RunRecord run, Instant committedAt) {
        return RunsTable.COLUMNS.row(new RunsTable.CommittedRun(run, committedAt));
    }

    public static Dataset<Row> steps(SparkSession spark, AttemptResult result) {
        return spark.createDataFrame(stepRows(result), StepsTable.TABLE.schema());
    }

    static List<Row> stepRows(AttemptResult result) {
        return rows(result, AttemptResult::steps, StepsTable.COLUMNS);
    }

    public static Dataset<Row> samples(SparkSession spark, AttemptResult result) {
        return spark.createDataFrame(sampleRows(result), PowerSamplesTable.TABLE.schema());
    }

    static List<Row> sampleRows(AttemptResult result) {
        return rows(result, AttemptResult::samples, PowerSamplesTable.COLUMNS);
    }

    public static Dataset<Row> evals(SparkSession spark, AttemptResult result) {
        return spark.createDataFrame(evalRows(result), EvalsTable.TABLE.schema());
    }

    static List<Row> evalRows(AttemptResult result) {
        return rows(result, AttemptResult::evals, EvalsTable.COLUMNS);
    }

    private static <T> List<Row> rows(AttemptResult result, Function<AttemptResult, List<T>> items, TableColumns<AttemptRow<T>> columns) {
        return rows(AttemptRow.of(result.run()), items.apply(result), columns);
    }

    /** The rows of power samples delivered live by {@code attempt}'s executor, before its result. */
    static List<Row> sampleRows(AttemptIdentity attempt, List<PowerSample> samples) {
        return rows(attempt, samples, PowerSamplesTable.COLUMNS);
    }

    private static <T> List<Row> rows(AttemptIdentity attempt, List<T> items, TableColumns<AttemptRow<T>> columns) {
        List<Row> rows = new ArrayList<>(items.size());
        for (T item : items) {
            rows.add(columns.row(new AttemptRow<>(attempt, item)));
        }
        return rows;
    }
}
