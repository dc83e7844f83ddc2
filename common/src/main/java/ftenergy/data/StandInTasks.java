package ftenergy.data;

import java.util.List;

/**
 * All stand-in tasks on the real corpora, in the paper's task order (entailment pairs, sentiment,
 * long-document sentiment, QA, token classification).
 */
public final class StandInTasks {

    /** Malformed records tolerated in the real corpora (the sentiment files end in an empty entry each). */
    public static final ErrorBudget BUDGET = new ErrorBudget(0.01);

    private StandInTasks() {}

    /**
     * Loads every stand-in, fetching corpora on first use.
     *
     * @param seed decides the constructed pair and cloze tasks
     * @param maxPairs cap on sentence pairs (0: all, about 90k)
     * @param maxQuestions cap on cloze questions (0: all)
     */
    public static List<LoadedTask<? extends TaskRecord>> load(CorpusStore store, long seed, int maxPairs, int maxQuestions) {
        return List.of(
                SentencePairs.load(store, seed, maxPairs),
                SentimentSentences.load(store, BUDGET),
                SpamEmails.load(store, BUDGET),
                ClozeSpans.load(store, seed, maxQuestions),
                BrownPos.load(store, BUDGET));
    }
}
