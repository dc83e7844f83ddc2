package ftenergy.data;

import java.util.List;
import java.util.Optional;

/**
 * The stand-in builders a task declared with {@code format = stand-in} names in its {@code source}
 * key: each builds its records from pinned npm corpora (see {@code DATA.md}). A registry of source
 * kinds, not of task names: any task may use any of them.
 */
public enum StandInSource {
    /** {@link SentimentSentences}: 3,000 review sentences, labels 0/1. */
    SENTIMENT_SENTENCES("sentiment-sentences", TaskType.SEQUENCE_CLASSIFICATION, false),
    /** {@link SpamEmails}: 6,046 e-mails, ham/spam. */
    SPAM_EMAILS("spam-emails", TaskType.SEQUENCE_CLASSIFICATION, false),
    /** {@link SentencePairs}: adjacent or random sentence pairs, next/random. */
    SENTENCE_PAIRS("sentence-pairs", TaskType.SEQUENCE_CLASSIFICATION, true),
    /** {@link ClozeSpans}: cloze questions over Brown passages, a third unanswerable. */
    CLOZE_SPANS("cloze-spans", TaskType.SPAN_QA, false),
    /** {@link BrownPos}: Brown's sentences, one coarse POS tag per word. */
    BROWN_POS("brown-pos", TaskType.TOKEN_CLASSIFICATION, false),
    /** {@link PretrainingCorpus#passages}: SOTU and Moby Dick in passages of about 600 characters. */
    PRETRAINING_PASSAGES("pretraining-passages", TaskType.MASKED_LM, false);

    /** Pre-training passages are cut to about this many characters (a few hundred tokens). */
    private static final int PASSAGE_CHARS = 600;

    private final String configName;
    private final TaskType type;
    private final boolean pairs;

    StandInSource(String configName, TaskType type, boolean pairs) {
        this.configName = configName;
        this.type = type;
        this.pairs = pairs;
    }

    /** The value of a task's {@code source} key. */
    public String configName() {
        return configName;
    }

    /** What its records are labelled for. */
    public TaskType type() {
        return type;
    }

    /** Whether its records are text pairs. */
    public boolean pairs() {
        return pairs;
    }

    /**
     * Builds the records.
     *
     * @param seed decides the constructed tasks (pairs, cloze questions) and the sample
     * @param maxRecords keep at most this many (a seeded sample, in source order); 0 keeps all
     * @param budget malformed records tolerated in the corpora
     * @return the records and the label names the builder gives them, under the builder's own task info
     */
    public LoadedTask<? extends TaskRecord> load(CorpusStore store, long seed, int maxRecords, ErrorBudget budget) {
        return switch (this) {
            case SENTENCE_PAIRS -> SentencePairs.load(store, seed, maxRecords);
            case CLOZE_SPANS -> ClozeSpans.load(store, seed, maxRecords);
            case SENTIMENT_SENTENCES -> sampled(SentimentSentences.load(store, budget), maxRecords, seed);
            case SPAM_EMAILS -> sampled(SpamEmails.load(store, budget), maxRecords, seed);
            case BROWN_POS -> sampled(BrownPos.load(store, budget), maxRecords, seed);
            case PRETRAINING_PASSAGES -> sampled(PretrainingCorpus.passages(store, PASSAGE_CHARS), maxRecords, seed);
        };
    }

    private static <T extends TaskRecord> LoadedTask<T> sampled(LoadedTask<T> task, int maxRecords, long seed) {
        ReadResult<T> read = task.read();
        return new LoadedTask<>(task.info(), new ReadResult<>(read.source(), Sample.keep(read.records(), maxRecords, seed), read.issues()));
    }

    /** The source a {@code source} key names, if any. */
    public static Optional<StandInSource> byConfigName(String name) {
        for (StandInSource source : values()) {
            if (source.configName.equals(name)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }

    /** Every {@code source} value, for messages. */
    public static List<String> configNames() {
        return java.util.Arrays.stream(values()).map(StandInSource::configName).toList();
    }
}
