package ftenergy.data.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits running English prose into sentences: at {@code . ! ?} (and closing quotes after them)
 * followed by whitespace and an upper-case letter, a digit or an opening quote, unless the word
 * before the stop is a common abbreviation or a single initial.
 */
public final class SentenceSplitter {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "st", "gen", "gov", "sen", "rep", "hon", "jr", "sr", "vs", "no", "co", "inc",
            "messrs", "lt", "col", "capt", "rev", "prof", "vol", "art", "sec", "u.s", "e.g", "i.e", "etc", "viz");

    private SentenceSplitter() {}

    /** The sentences of {@code text}, trimmed, whitespace runs collapsed to one space. */
    public static List<String> split(String text) {
        String t = text.replaceAll("\\s+", " ").strip();
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int end = i + 1;
            while (end < t.length() && (t.charAt(end) == '"' || t.charAt(end) == '\'' || t.charAt(end) == ')'
                    || t.charAt(end) == '\u201d' || t.charAt(end) == '\u2019')) {
                end++;
            }
            if (end + 1 >= t.length() || t.charAt(end) != ' ') {
                continue;
            }
            char next = t.charAt(end + 1);
            if (!(Character.isUpperCase(next) || Character.isDigit(next) || next == '"' || next == '\u201c')) {
                continue;
            }
            if (c == '.' && isAbbreviation(t, start, i)) {
                continue;
            }
            out.add(t.substring(start, end).strip());
            start = end + 1;
            i = end;
        }
        if (start < t.length()) {
            String last = t.substring(start).strip();
            if (!last.isEmpty()) {
                out.add(last);
            }
        }
        return out;
    }

    private static boolean isAbbreviation(String t, int sentenceStart, int dot) {
        int w = dot;
        while (w > sentenceStart && !Character.isWhitespace(t.charAt(w - 1))) {
            w--;
        }
        String word = t.substring(w, dot).toLowerCase(java.util.Locale.ROOT).replaceAll("^[\"'(]+", "");
        return (word.length() == 1 && Character.isLetter(word.charAt(0))) || ABBREVIATIONS.contains(word);
    }
}
