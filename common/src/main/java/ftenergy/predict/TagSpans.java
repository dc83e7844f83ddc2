package ftenergy.predict;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Span-level F1 over tag sequences, as CoNLL's {@code conlleval} and {@code seqeval} compute it
 * for NER: a span is a maximal run {@code B-X I-X ...} (an {@code I-X} after a different type
 * or after {@code O} also opens one); precision and recall count whole spans, micro-averaged.
 *
 * <p>Tags without a {@code B-}/{@code I-} prefix (part-of-speech tags) are one-token spans of
 * their own type, so the same F1 becomes accuracy over non-{@code O} tokens.
 */
public final class TagSpans {

    /**
     * One labelled span.
     *
     * @param sequence which sequence of the evaluation set
     * @param type entity or tag type
     * @param start first word, inclusive
     * @param end last word, inclusive
     */
    public record Span(int sequence, String type, int start, int end) {}

    private final Set<Span> gold = new HashSet<>();
    private final Set<Span> predicted = new HashSet<>();
    private int sequences;

    /** Adds one sequence's gold and predicted word-level tags (same length). */
    public void add(List<String> goldTags, List<String> predictedTags) {
        if (goldTags.size() != predictedTags.size()) {
            throw new IllegalArgumentException(goldTags.size() + " gold tags but " + predictedTags.size() + " predicted");
        }
        gold.addAll(spans(sequences, goldTags));
        predicted.addAll(spans(sequences, predictedTags));
        sequences++;
    }

    /** Micro F1 over spans; 1 when neither side has any span. */
    public double f1() {
        if (gold.isEmpty() && predicted.isEmpty()) {
            return 1.0;
        }
        long correct = predicted.stream().filter(gold::contains).count();
        if (correct == 0) {
            return 0.0;
        }
        double precision = (double) correct / predicted.size();
        double recall = (double) correct / gold.size();
        return 2 * precision * recall / (precision + recall);
    }

    /** The spans of one tag sequence. */
    public static Set<Span> spans(int sequence, List<String> tags) {
        Set<Span> spans = new HashSet<>();
        String openType = null;
        int openStart = -1;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            boolean prefixed = tag.length() > 2 && tag.charAt(1) == '-' && (tag.charAt(0) == 'B' || tag.charAt(0) == 'I');
            String type = prefixed ? tag.substring(2) : tag;
            boolean continues = prefixed && tag.charAt(0) == 'I' && type.equals(openType);
            if (openType != null && !continues) {
                spans.add(new Span(sequence, openType, openStart, i - 1));
                openType = null;
            }
            if (i == tags.size() || tag.equals("O") || continues) {
                continue;
            }
            if (prefixed) {
                openType = type;
                openStart = i;
            } else {
                spans.add(new Span(sequence, type, i, i));
            }
        }
        return spans;
    }
}
