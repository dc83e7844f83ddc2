package ftenergy.data;

import java.util.List;

/**
 * How much malformed input a reader tolerates before it fails instead of silently dropping data.
 *
 * @param maxErrorFraction largest allowed share of malformed records among all records read, in
 *     {@code [0, 1)}; 0 fails on the first one
 */
public record ErrorBudget(double maxErrorFraction) implements java.io.Serializable {

    public ErrorBudget {
        if (!(maxErrorFraction >= 0 && maxErrorFraction < 1)) {
            throw new IllegalArgumentException("max error fraction must be in [0, 1), was " + maxErrorFraction);
        }
    }

    /** No malformed record tolerated. */
    public static ErrorBudget strict() {
        return new ErrorBudget(0);
    }

    /**
     * Fails when the issues exceed the budget (or nothing was read at all).
     *
     * @throws TaskDataException naming the source, the counts and the first issues
     */
    public <T extends TaskRecord> ReadResult<T> check(ReadResult<T> result) {
        check(result.source(), result.records().size() + result.issues().size(), result.issues().size(),
                result.issues().stream().map(ReadIssue::toString).toList());
        return result;
    }

    /**
     * Fails when {@code malformedCount} of {@code total} records exceed the budget, or
     * {@code total} is 0; for records read apart (on several machines), when only the first issues
     * are at hand.
     *
     * @param source the file, folder, table or task read
     * @param total records read, malformed ones included
     * @param malformedCount how many of them are malformed
     * @param first the first malformed ones, each with its file and line or row (five are shown)
     * @throws TaskDataException naming the source, the counts and the first issues
     */
    public void check(String source, long total, long malformedCount, List<String> first) {
        if (total == 0) {
            throw new TaskDataException(source, 0, "no records found");
        }
        if (malformedCount > 0 && (double) malformedCount / total > maxErrorFraction) {
            StringBuilder message = new StringBuilder()
                    .append(malformedCount).append(" of ").append(total).append(" records are malformed (")
                    .append(String.format(java.util.Locale.ROOT, "%.2f%%", 100.0 * malformedCount / total))
                    .append("), more than the allowed max error fraction ").append(maxErrorFraction).append(':');
            first.stream().limit(5).forEach(i -> message.append("\n  ").append(i));
            if (malformedCount > 5) {
                message.append("\n  ... and ").append(malformedCount - 5).append(" more");
            }
            throw new TaskDataException(source, 0, message.toString());
        }
    }
}
