package ftenergy.prepare;

import ftenergy.data.BrownPos;
import ftenergy.data.ClozeSpans;
import ftenergy.data.CorpusStore;
import ftenergy.data.ErrorBudget;
import ftenergy.data.LoadedTask;
import ftenergy.data.PretrainingCorpus;
import ftenergy.data.SentencePairs;
import ftenergy.data.SentimentSentences;
import ftenergy.data.SpamEmails;
import ftenergy.data.TaskRecord;
import java.util.List;

/** The tasks a sweep can name, by name, each loaded from its fetched corpus. */
final class TaskSources {

    /** Malformed records tolerated in the real corpora (the sentiment files end in an empty entry each). */
    private static final ErrorBudget BUDGET = new ErrorBudget(0.01);

    /** Pre-training passages are cut to about this many characters (a few hundred tokens). */
    private static final int PASSAGE_CHARS = 600;

    static final List<String> NAMES = List.of(PretrainingCorpus.NAME, SentimentSentences.NAME, SpamEmails.NAME,
            SentencePairs.NAME, ClozeSpans.NAME, BrownPos.NAME);

    private TaskSources() {}

    static LoadedTask<? extends TaskRecord> load(String name, CorpusStore store, long seed) {
        return switch (name) {
            case PretrainingCorpus.NAME -> PretrainingCorpus.passages(store, PASSAGE_CHARS);
            case SentimentSentences.NAME -> SentimentSentences.load(store, BUDGET);
            case SpamEmails.NAME -> SpamEmails.load(store, BUDGET);
            case SentencePairs.NAME -> SentencePairs.load(store, seed, 20_000);
            case ClozeSpans.NAME -> ClozeSpans.load(store, seed, 20_000);
            case BrownPos.NAME -> BrownPos.load(store, BUDGET);
            default -> throw new IllegalArgumentException(
                    "unknown task '" + name + "'; known tasks: " + String.join(", ", NAMES));
        };
    }
}
