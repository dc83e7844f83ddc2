package ftenergy.prepare;

import ftenergy.data.ReadIssue;
import ftenergy.data.TaskRecord;
import java.io.Serializable;

/**
 * One row of a task's source as read: a record of a split, or why the row could not be one (kept,
 * not dropped, so the error budget sees it and the report names it).
 *
 * @param split the split it belongs to
 * @param record the record, or {@code null} when malformed
 * @param location where the record was read ({@code train.csv, row 12}, a file, a stand-in source)
 * @param issue why it is malformed, or {@code null}
 */
record SourceRow(String split, TaskRecord record, String location, ReadIssue issue) implements Serializable {

    static SourceRow of(String split, TaskRecord record, String location) {
        return new SourceRow(split, record, location, null);
    }

    static SourceRow malformed(String split, ReadIssue issue) {
        return new SourceRow(split, null, issue.file(), issue);
    }

    boolean isRecord() {
        return record != null;
    }

    SourceRow inSplit(String other) {
        return new SourceRow(other, record, location, issue);
    }
}
