package ftenergy.data;

import java.nio.file.Path;

/**
 * Reads one split of a task from its standard file format.
 *
 * <p>Malformed records are skipped and reported with file and line; past the budget's fraction the
 * read fails with {@link TaskDataException}.
 */
@FunctionalInterface
public interface TaskReader<T extends TaskRecord> {

    /**
     * @param source the file (or folder, for folder layouts) of one split
     * @param budget how many malformed records are tolerated
     * @return records in source order and the skipped issues
     * @throws TaskDataException on IO failure or when the budget is exceeded
     */
    ReadResult<T> read(Path source, ErrorBudget budget);
}
