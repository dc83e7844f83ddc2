package ftenergy.sweep;

import ftenergy.lake.LakeTables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * One submission of a sweep, as its {@code sweeps} row records it: written when launching starts
 * (so a submission whose driver dies stays visible, with no end) and again when it ends, with
 * what it did and whether the budget stopped it.
 *
 * @param outcome how it ended, {@code null} while running
 * @param spentKwh software energy of the sweep's recorded attempts: those recorded when it started, plus, once it
 *     ended, those it recorded
 * @param spentCo2Kg emissions of the same attempts
 */
record Submission(String sweepId, String submissionId, Instant startedAt, Instant endedAt, String master,
        String codeVersion, String configHash, int planned, SweepBudget budget, SweepOutcome outcome, double spentKwh,
        double spentCo2Kg) {

    static Submission start(String sweepId, String master, String codeVersion, String configHash, int planned,
            SweepBudget budget, double spentKwh, double spentCo2Kg) {
        return new Submission(sweepId, UUID.randomUUID().toString(), Instant.now(), null, master, codeVersion,
                configHash, planned, budget, null, spentKwh, spentCo2Kg);
    }

    /** The same submission, ended with {@code outcome} and the sweep's spending after it. */
    Submission finish(SweepOutcome outcome, double spentKwh, double spentCo2Kg) {
        return new Submission(sweepId, submissionId, startedAt, Instant.now(), master, codeVersion, configHash, planned,
                budget, outcome, spentKwh, spentCo2Kg);
    }

    /** The {@code sweeps} row, laid out as {@code LakeTables.SWEEPS}. */
    Row row() {
        boolean ended = outcome != null;
        return RowFactory.create(sweepId, submissionId, Timestamp.from(startedAt),
                endedAt == null ? null : Timestamp.from(endedAt), master, codeVersion, configHash, planned,
                ended ? outcome.skippedAlreadyDone() : null, ended ? outcome.succeeded() : null,
                ended ? outcome.failed() : null, ended ? outcome.diverged() : null,
                ended ? outcome.notLaunched().toArray(String[]::new) : null, nullIfNaN(budget.kwh()),
                nullIfNaN(budget.co2Kg()), spentKwh, spentCo2Kg,
                ended && !outcome.notLaunched().isEmpty() && budget.exhaustedBy(spentKwh, spentCo2Kg));
    }

    Dataset<Row> row(SparkSession spark) {
        return spark.createDataFrame(List.of(row()), LakeTables.SWEEPS.schema());
    }

    private static Double nullIfNaN(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
