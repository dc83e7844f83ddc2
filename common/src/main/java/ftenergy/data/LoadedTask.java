package ftenergy.data;

import java.util.List;

/**
 * A task's records as read, with the task definition that gives their labels meaning.
 *
 * @param info the task
 * @param read the records and the malformed ones skipped
 */
public record LoadedTask<T extends TaskRecord>(TaskInfo info, ReadResult<T> read) {

    /** The well-formed records, in source order. */
    public List<T> records() {
        return read.records();
    }

    /** Deterministic train/validation split by record id (see {@link Splits#byId}). */
    public Splits<T> split(double validationFraction, long seed) {
        return Splits.byId(records(), validationFraction, seed);
    }
}
