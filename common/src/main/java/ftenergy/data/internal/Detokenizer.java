package ftenergy.data.internal;

import java.util.List;

/**
 * Joins corpus tokens back into running text (no space before closing punctuation, none after
 * opening brackets and quotes), recording where each token landed.
 */
public final class Detokenizer {

    /**
     * The text and each token's character start in it.
     *
     * @param text the joined text
     * @param starts character start of each token
     */
    public record Joined(String text, int[] starts) {}

    private Detokenizer() {}

    /** Joins {@code tokens}; Brown's {@code ``} and {@code ''} quotes become {@code "}. */
    public static Joined join(List<String> tokens) {
        StringBuilder text = new StringBuilder();
        int[] starts = new int[tokens.size()];
        boolean glueNext = true;
        for (int i = 0; i < tokens.size(); i++) {
            String token = surface(tokens.get(i));
            boolean closing = isClosing(tokens.get(i));
            if (!glueNext && !closing) {
                text.append(' ');
            }
            starts[i] = text.length();
            text.append(token);
            glueNext = isOpening(tokens.get(i));
        }
        return new Joined(text.toString(), starts);
    }

    /** How the token is written in running text. */
    public static String surface(String token) {
        return token.equals("``") || token.equals("''") ? "\"" : token;
    }

    private static boolean isClosing(String token) {
        return switch (token) {
            case ".", ",", ";", ":", "?", "!", "''", ")", "]", "'", "'s", "n't", "%" -> true;
            default -> false;
        };
    }

    private static boolean isOpening(String token) {
        return token.equals("``") || token.equals("(") || token.equals("[") || token.equals("$");
    }
}
