package ftenergy.text.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.function.Consumer;

/**
 * BERT's normaliser and pre-tokeniser in Java, so the WordPiece trainer sees the same words the
 * HuggingFace tokenizer will later split: control characters dropped, whitespace unified, spaces
 * around CJK ideographs, optional lower-casing with accent stripping, then a split on whitespace
 * and around every punctuation character.
 */
public final class BertPreTokenization {

    private BertPreTokenization() {}

    /** Normalises {@code text} and hands every resulting word to {@code words}, in order. */
    public static void words(String text, boolean lowercase, Consumer<String> words) {
        String normalized = normalize(text, lowercase);
        int start = -1;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (Character.isWhitespace(cp) || cp == ' ') {
                if (start >= 0) {
                    words.accept(normalized.substring(start, i));
                    start = -1;
                }
            } else if (isPunctuation(cp)) {
                if (start >= 0) {
                    words.accept(normalized.substring(start, i));
                    start = -1;
                }
                words.accept(normalized.substring(i, next));
            } else if (start < 0) {
                start = i;
            }
            i = next;
        }
        if (start >= 0) {
            words.accept(normalized.substring(start));
        }
    }

    /** The words of {@code text} as a list (tests and small inputs). */
    public static List<String> words(String text, boolean lowercase) {
        List<String> out = new java.util.ArrayList<>();
        words(text, lowercase, out::add);
        return out;
    }

    static String normalize(String text, boolean lowercase) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> {
            if (cp == 0 || cp == 0xFFFD || isControl(cp)) {
                return;
            }
            if (Character.isWhitespace(cp) || Character.getType(cp) == Character.SPACE_SEPARATOR) {
                out.append(' ');
            } else if (isCjk(cp)) {
                out.append(' ').appendCodePoint(cp).append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        });
        if (!lowercase) {
            return out.toString();
        }
        String decomposed = Normalizer.normalize(out.toString().toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder stripped = new StringBuilder(decomposed.length());
        decomposed.codePoints()
                .filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK)
                .forEach(stripped::appendCodePoint);
        return stripped.toString();
    }

    private static boolean isControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT;
    }

    /** ASCII symbols count as punctuation for BERT, as do all Unicode P* categories. */
    static boolean isPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static boolean isCjk(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }
}
