package ftenergy.text;

import ftenergy.text.internal.BertPreTokenization;
import ftenergy.text.internal.PairMerges;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns a WordPiece vocabulary from text, the way HuggingFace's {@code WordPieceTrainer} does:
 * words (after BERT normalisation and pre-tokenisation) are split into characters, non-initial ones
 * prefixed {@code ##}, and the most frequent adjacent pair is merged until the vocabulary is full.
 *
 * <p>Ids: {@code [PAD]=0 [UNK]=1 [CLS]=2 [SEP]=3 [MASK]=4}, then the alphabet, then merges in the
 * order learned. Deterministic: the same texts in any order give the same vocabulary (ties are
 * broken by symbol ids, which follow character and merge order). Not thread-safe.
 *
 * <pre>{@code
 * WordPieceTrainer trainer = new WordPieceTrainer(WordPieceConfig.uncased(8000));
 * texts.forEach(trainer::add);
 * Vocabulary vocab = trainer.train();
 * }</pre>
 */
public final class WordPieceTrainer {

    /** Words longer than this become [UNK] in the WordPiece model, so they teach nothing. */
    static final int MAX_WORD_CHARS = 100;

    private final WordPieceConfig config;
    private final Map<String, long[]> wordCounts = new HashMap<>();

    public WordPieceTrainer(WordPieceConfig config) {
        this.config = config;
    }

    /** Counts the words of one text. */
    public void add(String text) {
        BertPreTokenization.words(text, config.lowercase(), word -> {
            if (word.length() <= MAX_WORD_CHARS) {
                wordCounts.computeIfAbsent(word, w -> new long[1])[0]++;
            }
        });
    }

    /** Number of distinct words counted so far. */
    public int distinctWords() {
        return wordCounts.size();
    }

    /**
     * Builds the vocabulary from the words counted so far.
     *
     * @throws IllegalArgumentException when the alphabet alone exceeds the vocabulary size
     */
    public Vocabulary train() {
        List<Integer> alphabet = alphabet();
        java.util.Set<Integer> allowed = new java.util.HashSet<>(alphabet);
        List<String> symbols = new ArrayList<>(Vocabulary.SPECIALS);
        for (int cp : alphabet) {
            symbols.add(new String(Character.toChars(cp)));
        }
        for (int cp : alphabet) {
            symbols.add(Vocabulary.CONTINUATION + new String(Character.toChars(cp)));
        }
        if (symbols.size() > config.vocabSize()) {
            throw new IllegalArgumentException("vocab size " + config.vocabSize() + " cannot hold the " + alphabet.size()
                    + " characters of the corpus (twice, plain and ##) plus 5 specials; raise it or lower maxAlphabet");
        }
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            ids.put(symbols.get(i), i);
        }
        List<String> sortedWords = new ArrayList<>(wordCounts.keySet());
        sortedWords.sort(Comparator.naturalOrder());
        List<int[]> words = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (String word : sortedWords) {
            int[] cps = word.codePoints().toArray();
            boolean ok = true;
            for (int cp : cps) {
                ok &= allowed.contains(cp);
            }
            if (!ok) {
                continue;
            }
            int[] pieces = new int[cps.length];
            for (int i = 0; i < cps.length; i++) {
                String ch = new String(Character.toChars(cps[i]));
                pieces[i] = ids.get(i == 0 ? ch : Vocabulary.CONTINUATION + ch);
            }
            words.add(pieces);
            counts.add(wordCounts.get(word)[0]);
        }
        new PairMerges(symbols, ids, words, counts).run(config.vocabSize(), config.minPairFrequency());
        return new Vocabulary(symbols);
    }

    /** The most frequent characters, at most {@code maxAlphabet}, in code point order. */
    private List<Integer> alphabet() {
        Map<Integer, Long> frequency = new HashMap<>();
        wordCounts.forEach((word, count) -> word.codePoints().forEach(cp -> frequency.merge(cp, count[0], Long::sum)));
        List<Integer> chars = new ArrayList<>(frequency.keySet());
        chars.sort(Comparator.<Integer, Long>comparing(frequency::get).reversed().thenComparing(Comparator.naturalOrder()));
        List<Integer> kept = new ArrayList<>(chars.subList(0, Math.min(config.maxAlphabet(), chars.size())));
        kept.sort(Comparator.naturalOrder());
        return kept;
    }
}
