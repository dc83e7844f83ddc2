package ftenergy.task;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a declared task's records are stored, as its {@code format} key names it, and which
 * {@link TaskKind}s each format can hold.
 */
public enum TaskFormat {
    /** GLUE's tab-separated files with a header row, no quoting. */
    GLUE_TSV("glue-tsv", Reading.FILE_READER, EnumSet.of(TaskKind.SINGLE_CLASSIFICATION, TaskKind.PAIR_CLASSIFICATION)),
    /** The {@code aclImdb} folder layout: {@code <split>/{pos,neg}/<id>_<rating>.txt}. */
    IMDB("imdb", Reading.FILE_READER, EnumSet.of(TaskKind.SINGLE_CLASSIFICATION)),
    /** SQuAD's JSON, v1.1 or v2.0. */
    SQUAD("squad", Reading.FILE_READER, EnumSet.of(TaskKind.SPAN_QA)),
    /** CoNLL column files: a word and its tags per line, blank lines between sentences. */
    CONLL("conll", Reading.FILE_READER, EnumSet.of(TaskKind.TOKEN_CLASSIFICATION)),
    /** JSON lines as HuggingFace {@code datasets} exports them. */
    JSONL("jsonl", Reading.FILE_READER, EnumSet.of(TaskKind.SINGLE_CLASSIFICATION, TaskKind.PAIR_CLASSIFICATION,
            TaskKind.TOKEN_CLASSIFICATION, TaskKind.SPAN_QA)),
    /** Comma-separated values with a header row (RFC 4180 quoting; quoted fields may span lines). */
    CSV("csv", Reading.TABLE, EnumSet.of(TaskKind.SINGLE_CLASSIFICATION, TaskKind.PAIR_CLASSIFICATION, TaskKind.MASKED_LM)),
    /** JSON documents, each an array of records (or one record). */
    JSON("json", Reading.TABLE, EnumSet.allOf(TaskKind.class)),
    /** Parquet files (HuggingFace's own export among them). */
    PARQUET("parquet", Reading.TABLE, EnumSet.allOf(TaskKind.class)),
    /** A Delta table. */
    DELTA("delta", Reading.TABLE, EnumSet.allOf(TaskKind.class)),
    /** Built from the pinned npm corpora by a named source (see {@code ftenergy.data.StandInSource}). */
    STAND_IN("stand-in", Reading.STAND_IN, EnumSet.allOf(TaskKind.class));

    /** Who reads a format's records. */
    public enum Reading {
        /** A reader of the {@code data} package, on the file system every executor mounts. */
        FILE_READER,
        /** A table data source of the engine, on any path or URI it can read. */
        TABLE,
        /** A stand-in builder over the corpora in the data directory. */
        STAND_IN
    }

    private final String configName;
    private final Reading reading;
    private final Set<TaskKind> kinds;

    TaskFormat(String configName, Reading reading, Set<TaskKind> kinds) {
        this.configName = configName;
        this.reading = reading;
        this.kinds = kinds;
    }

    /** The value of the {@code format} key. */
    public String configName() {
        return configName;
    }

    /** Who reads it. */
    public Reading reading() {
        return reading;
    }

    /** Whether a source in this format can give tasks of {@code kind}. */
    public boolean holds(TaskKind kind) {
        return kinds.contains(kind);
    }

    /** The {@code type} values this format can give, for messages. */
    public List<String> kindNames() {
        return kinds.stream().map(TaskKind::configName).toList();
    }

    /** The format the {@code format} key names, if any. */
    public static Optional<TaskFormat> byConfigName(String name) {
        for (TaskFormat format : values()) {
            if (format.configName.equals(name)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** Every {@code format} value, for messages. */
    public static List<String> configNames() {
        return java.util.Arrays.stream(values()).map(TaskFormat::configName).toList();
    }
}
