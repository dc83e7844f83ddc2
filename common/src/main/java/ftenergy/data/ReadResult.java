package ftenergy.data;

import java.util.List;

/**
 * What a reader produced: the well-formed records in source order and the issues it skipped.
 *
 * @param source the file or folder read
 * @param records well-formed records, in source order
 * @param issues malformed records, in source order; within the reader's {@link ErrorBudget}
 */
public record ReadResult<T extends TaskRecord>(String source, List<T> records, List<ReadIssue> issues) {

    public ReadResult {
        records = List.copyOf(records);
        issues = List.copyOf(issues);
    }
}
