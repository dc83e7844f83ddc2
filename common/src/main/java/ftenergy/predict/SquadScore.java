package ftenergy.predict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SQuAD's exact match and F1, averaged over questions (the official {@code evaluate-v2.0.py}).
 *
 * <p>On text, answers are normalised as SQuAD does (lower case, punctuation and the articles
 * a/an/the removed, whitespace collapsed) and F1 is over the words of that. Without a vocabulary
 * to decode ids, both scores are computed on the token-id spans themselves (exact match: identical
 * ids; F1: overlap of the ids as multisets); an empty answer is "no answer" in both.
 */
public final class SquadScore {

    private static final Pattern PUNCTUATION = Pattern.compile("[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]");
    private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b");

    private double exactSum;
    private double f1Sum;
    private int questions;

    /** Adds one question answered in text ("" for no answer). */
    public void add(String predicted, String gold) {
        add(words(normalize(predicted)), words(normalize(gold)));
    }

    /** Adds one question answered as token ids (empty for no answer). */
    public void add(int[] predicted, int[] gold) {
        List<String> p = new ArrayList<>();
        for (int id : predicted) {
            p.add(Integer.toString(id));
        }
        List<String> g = new ArrayList<>();
        for (int id : gold) {
            g.add(Integer.toString(id));
        }
        add(p, g);
    }

    private void add(List<String> predicted, List<String> gold) {
        questions++;
        exactSum += predicted.equals(gold) ? 1 : 0;
        f1Sum += f1(predicted, gold);
    }

    /** Mean exact match in [0, 1]; NaN with no questions. */
    public double exactMatch() {
        return questions == 0 ? Double.NaN : exactSum / questions;
    }

    /** Mean F1 in [0, 1]; NaN with no questions. */
    public double f1() {
        return questions == 0 ? Double.NaN : f1Sum / questions;
    }

    /** SQuAD's {@code normalize_answer}. */
    public static String normalize(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String noPunctuation = PUNCTUATION.matcher(lower).replaceAll("");
        String noArticles = ARTICLES.matcher(noPunctuation).replaceAll(" ");
        return String.join(" ", words(noArticles));
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

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
