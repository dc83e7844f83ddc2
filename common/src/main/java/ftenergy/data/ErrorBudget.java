package ftenergy.data;

/**
 * How much malformed input a reader tolerates before it fails instead of silently dropping data.
 *
 * @param maxErrorFraction largest allowed share of malformed records among all records read, in
 *     {@code [0, 1)}; 0 fails on the first one
 */
public record ErrorBudget(double maxErrorFraction) {

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
        int bad = result.issues().size();
        int total = bad + result.records().size();
        if (total == 0) {
            throw new TaskDataException(result.source(), 0, "no records found");
        }
        if (bad > 0 && (double) bad / total > maxErrorFraction) {
            StringBuilder message = new StringBuilder()
                    .append(bad).append(" of ").append(total).append(" records are malformed (")
                    .append(String.format(java.util.Locale.ROOT, "%.2f%%", 100.0 * bad / total))
                    .append("), more than the allowed max error fraction ").append(maxErrorFraction).append(':');
            result.issues().stream().limit(5).forEach(i -> message.append("\n  ").append(i));
            if (bad > 5) {
                message.append("\n  ... and ").append(bad - 5).append(" more");
            }
            throw new TaskDataException(result.source(), 0, message.toString());
        }
        return result;
    }
}
