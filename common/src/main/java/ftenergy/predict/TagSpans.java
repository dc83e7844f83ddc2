package ftenergy.predict;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Entity-level precision, recall and F1 over chunk tags, as {@code seqeval} computes them in its
 * default mode (HuggingFace's {@code run_ner.py} reports these): entities are the chunks of
 * IOB1/IOB2 (and IOBES) tag sequences, an entity counts only with exact type and boundaries, and
 * counts are micro-averaged over all sentences.
 *
 * <p>Chunking follows seqeval's {@code get_entities}: a chunk starts at {@code B-}/{@code S-}, at
 * an {@code I-}/{@code E-} after {@code O} or after a chunk of another type (IOB1, where a chunk
 * may start with {@code I-}), and ends before {@code O}, {@code B-}, {@code S-} or a type change.
 */
public final class TagSpans {

    /**
     * One entity.
     *
     * @param sequence which sequence of the evaluation set
     * @param type entity type
     * @param start first word, inclusive
     * @param end last word, inclusive
     */
    public record Span(int sequence, String type, int start, int end) {}

    private final Set<Span> gold = new HashSet<>();
    private final Set<Span> predicted = new HashSet<>();
    private int sequences;

    /** Whether every tag is {@code O} or a chunk tag ({@code B-}, {@code I-}, {@code E-}, {@code S-} and a type), so entity F1 applies. */
    public static boolean areChunkTags(List<String> tags) {
        for (String tag : tags) {
            if (!tag.equals("O") && !isChunkTag(tag)) {
                return false;
            }
        }
        return !tags.isEmpty();
    }

    private static boolean isChunkTag(String tag) {
        return tag.length() > 2 && tag.charAt(1) == '-' && "BIES".indexOf(tag.charAt(0)) >= 0;
    }

    /** Adds one sequence's gold and predicted word-level tags (same length). */
    public void add(List<String> goldTags, List<String> predictedTags) {
        if (goldTags.size() != predictedTags.size()) {
            throw new IllegalArgumentException(goldTags.size() + " gold tags but " + predictedTags.size() + " predicted");
        }
        gold.addAll(spans(sequences, goldTags));
        predicted.addAll(spans(sequences, predictedTags));
        sequences++;
    }

    /** Micro precision: correct entities over predicted ones; 0 when none is predicted (seqeval's zero division). */
    public double precision() {
        return predicted.isEmpty() ? 0 : (double) correct() / predicted.size();
    }

    /** Micro recall: correct entities over gold ones; 0 when there is none. */
    public double recall() {
        return gold.isEmpty() ? 0 : (double) correct() / gold.size();
    }

    /** Micro F1 of {@link #precision()} and {@link #recall()}; 0 when either is 0. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private long correct() {
        return predicted.stream().filter(gold::contains).count();
    }

    /**
     * The entities of one tag sequence, in order.
     *
     * @throws IllegalArgumentException naming a tag that is neither {@code O} nor a chunk tag
     */
    public static List<Span> spans(int sequence, List<String> tags) {
        List<Span> spans = new ArrayList<>();
        char previousPrefix = 'O';
        String previousType = "";
        int begin = 0;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            if (!tag.equals("O") && !isChunkTag(tag)) {
                throw new IllegalArgumentException("tag '" + tag + "' at word " + i + " is neither O nor B-/I-/E-/S-<type>");
            }
            char prefix = tag.charAt(0);
            String type = tag.equals("O") ? "" : tag.substring(2);
            if (endsChunk(previousPrefix, prefix, previousType, type)) {
                spans.add(new Span(sequence, previousType, begin, i - 1));
            }
            if (startsChunk(previousPrefix, prefix, previousType, type)) {
                begin = i;
            }
            previousPrefix = prefix;
            previousType = type;
        }
        return spans;
    }

    /** seqeval's {@code end_of_chunk}: whether the chunk before position i ends there. */
    private static boolean endsChunk(char previous, char current, String previousType, String type) {
        if (previous == 'O') {
            return false;
        }
        return previous == 'E' || previous == 'S' || current == 'B' || current == 'S' || current == 'O'
                || !previousType.equals(type);
    }

    /** seqeval's {@code start_of_chunk}: whether a chunk starts at position i. */
    private static boolean startsChunk(char previous, char current, String previousType, String type) {
        if (current == 'O') {
            return false;
        }
        return current == 'B' || current == 'S' || previous == 'O' || previous == 'E' || previous == 'S'
                || !previousType.equals(type);
    }
}
