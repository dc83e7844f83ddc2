package ftenergy.sweep;

import ftenergy.lake.SweepsTable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
        double spentCo2Kg) implements SweepsTable.Submission {

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

    @Override
    public Integer alreadyDone() {
        return outcome == null ? null : outcome.skippedAlreadyDone();
    }

    @Override
    public Integer succeeded() {
        return outcome == null ? null : outcome.succeeded();
    }

    @Override
    public Integer failed() {
        return outcome == null ? null : outcome.failed();
    }

    @Override
    public Integer diverged() {
        return outcome == null ? null : outcome.diverged();
    }

    @Override
    public List<String> notLaunched() {
        return outcome == null ? null : outcome.notLaunched();
    }

    @Override
    public double budgetKwh() {
        return budget.kwh();
    }

    @Override
    public double budgetCo2Kg() {
        return budget.co2Kg();
    }

    @Override
    public boolean budgetSpent() {
        return outcome != null && !outcome.notLaunched().isEmpty() && budget.exhaustedBy(spentKwh, spentCo2Kg);
    }

    /** The {@code sweeps} row. */
    Row row() {
        return SweepsTable.COLUMNS.row(this);
    }

    Dataset<Row> row(SparkSession spark) {
        return spark.createDataFrame(List.of(row()), SweepsTable.TABLE.schema());
    }
}
