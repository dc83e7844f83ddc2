package ftenergy.text;

/**
 * Settings of WordPiece vocabulary training.
 *
 * @param vocabSize target number of tokens, the five BERT specials included (BERT-base: 30,522)
 * @param lowercase lower-case and strip accents (uncased models)
 * @param minPairFrequency a pair seen fewer times than this is never merged (training may then
 *     stop below {@code vocabSize})
 * @param maxAlphabet most distinct characters kept; words with rarer characters are left out of
 *     training (they become [UNK] or pieces at tokenization time)
 */
public record WordPieceConfig(int vocabSize, boolean lowercase, int minPairFrequency, int maxAlphabet) {

    public WordPieceConfig {
        if (vocabSize < 16) {
            throw new IllegalArgumentException("vocab size must be >= 16, was " + vocabSize);
        }
        if (minPairFrequency < 1) {
            throw new IllegalArgumentException("min pair frequency must be >= 1, was " + minPairFrequency);
        }
        if (maxAlphabet < 1) {
            throw new IllegalArgumentException("max alphabet must be >= 1, was " + maxAlphabet);
        }
    }

    /** Uncased, pairs seen at least twice, at most 1,000 characters (HuggingFace's defaults). */
    public static WordPieceConfig uncased(int vocabSize) {
        return new WordPieceConfig(vocabSize, true, 2, 1000);
    }
}
