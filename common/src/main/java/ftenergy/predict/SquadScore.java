package ftenergy.predict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SQuAD's exact match and F1, averaged over questions, as the official {@code evaluate-v2.0.py}
 * computes them (v1.1's script gives the same numbers on answerable questions).
 *
 * <p>On text, answers are normalised as SQuAD does (lower case, ASCII punctuation removed, the
 * articles a/an/the removed, whitespace collapsed) and F1 is over the words of that. A question's
 * scores are the best over its gold answers; gold answers that normalise to nothing are dropped,
 * and a question left without any (an unanswerable one) has the single gold answer "", which only
 * "" (no answer) matches. Without a vocabulary to decode ids, a question with a single gold
 * answer can be scored on token-id spans (exact match: identical ids; F1: overlap of the ids as
 * multisets); an empty span is "no answer".
 */
public final class SquadScore {

    private static final Pattern PUNCTUATION = Pattern.compile("[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]");
    /** Python's {@code re} is Unicode-aware: a letter such as 'é' next to "a" is no word boundary. */
    private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b", Pattern.UNICODE_CHARACTER_CLASS);
    /** Python's {@code str.split()} splits on any Unicode whitespace. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private double exactSum;
    private double f1Sum;
    private int questions;

    /** Adds one question answered in text ("" for no answer), scored against every gold answer. */
    public void add(String predicted, List<String> goldAnswers) {
        List<String> predictedWords = words(normalize(predicted));
        List<List<String>> golds = new ArrayList<>();
        for (String gold : goldAnswers) {
            List<String> goldWords = words(normalize(gold));
            if (!goldWords.isEmpty()) {
                golds.add(goldWords);
            }
        }
        if (golds.isEmpty()) {
            golds.add(List.of());
        }
        double exact = 0;
        double f1 = 0;
        for (List<String> gold : golds) {
            exact = Math.max(exact, predictedWords.equals(gold) ? 1 : 0);
            f1 = Math.max(f1, f1(predictedWords, gold));
        }
        add(exact, f1);
    }

    /** Adds one question answered in text ("" for no answer) with a single gold answer ("" for none). */
    public void add(String predicted, String gold) {
        add(predicted, List.of(gold));
    }

    /** Adds one question answered as token ids (empty for no answer) with a single gold span. */
    public void add(int[] predicted, int[] gold) {
        List<String> p = new ArrayList<>();
        for (int id : predicted) {
            p.add(Integer.toString(id));
        }
        List<String> g = new ArrayList<>();
        for (int id : gold) {
            g.add(Integer.toString(id));
        }
        add(p.equals(g) ? 1 : 0, f1(p, g));
    }

    private void add(double exact, double f1) {
        questions++;
        exactSum += exact;
        f1Sum += f1;
    }

    /** A copy that can take more questions without changing this one. */
    public SquadScore copy() {
        SquadScore copy = new SquadScore();
        copy.exactSum = exactSum;
        copy.f1Sum = f1Sum;
        copy.questions = questions;
        return copy;
    }

    /** Number of questions added. */
    public int questions() {
        return questions;
    }

    /** Mean exact match in [0, 1]; NaN with no questions. */
    public double exactMatch() {
        return questions == 0 ? Double.NaN : exactSum / questions;
    }

    /** Mean F1 in [0, 1]; NaN with no questions. */
    public double f1() {
        return questions == 0 ? Double.NaN : f1Sum / questions;
    }

    /** SQuAD's {@code normalize_answer}: lower case, punctuation out, articles out, whitespace collapsed. */
    public static String normalize(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String noPunctuation = PUNCTUATION.matcher(lower).replaceAll("");
        String noArticles = ARTICLES.matcher(noPunctuation).replaceAll(" ");
        return String.join(" ", words(noArticles));
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : WHITESPACE.split(text)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** {@code compute_f1}: F1 of the common words (as multisets); 1 if both are empty, 0 if one is. */
    private static double f1(List<String> predicted, List<String> gold) {
        if (predicted.isEmpty() || gold.isEmpty()) {
            return predicted.equals(gold) ? 1 : 0;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String word : gold) {
            counts.merge(word, 1, Integer::sum);
        }
        int common = 0;
        for (String word : predicted) {
            Integer left = counts.get(word);
            if (left != null && left > 0) {
                common++;
                counts.put(word, left - 1);
            }
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / predicted.size();
        double recall = (double) common / gold.size();
        return 2 * precision * recall / (precision + recall);
    }
}
