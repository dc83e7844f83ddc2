package ftenergy.data;

import java.io.Serializable;

/**
 * One raw (not yet tokenized) record of a task, as a reader or stand-in produces it.
 *
 * <p>Records are serializable so that Spark can ship them to the executors that tokenize them.
 */
public sealed interface TaskRecord extends Serializable permits TextRecord, TaggedRecord, QaRecord {

    /** Stable id within the source (file-derived or given by the data set). */
    String id();
}
