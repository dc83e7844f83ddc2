package ftenergy.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A WordPiece vocabulary: token strings in id order, BERT conventions.
 *
 * <p>{@code [PAD]} must have id 0 (padding fills with 0); {@code [UNK] [CLS] [SEP] [MASK]} must be
 * present anywhere (bert-base-uncased has them at 100-103). Continuation pieces start with
 * {@value #CONTINUATION}.
 */
public final class Vocabulary {

    /** Prefix of a piece that continues a word. */
    public static final String CONTINUATION = "##";
    /** Padding token, always id 0. */
    public static final String PAD = "[PAD]";
    /** Unknown-word token. */
    public static final String UNK = "[UNK]";
    /** Sequence-start token whose final state the classifier reads. */
    public static final String CLS = "[CLS]";
    /** Separator after each text. */
    public static final String SEP = "[SEP]";
    /** Masked-LM mask token. */
    public static final String MASK = "[MASK]";
    /** The special tokens, in the order a trained vocabulary puts them at ids 0-4. */
    public static final List<String> SPECIALS = List.of(PAD, UNK, CLS, SEP, MASK);

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    /**
     * @param tokens token strings, index = id
     * @throws IllegalArgumentException on duplicates, a missing special token or [PAD] not at 0
     */
    public Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        this.ids = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            if (ids.putIfAbsent(tokens.get(i), i) != null) {
                throw new IllegalArgumentException("token '" + tokens.get(i) + "' appears twice (ids " + ids.get(tokens.get(i)) + " and " + i + ")");
            }
        }
        for (String special : SPECIALS) {
            if (!ids.containsKey(special)) {
                throw new IllegalArgumentException("vocabulary lacks " + special);
            }
        }
        if (ids.get(PAD) != 0) {
            throw new IllegalArgumentException("[PAD] must have id 0, has " + ids.get(PAD));
        }
    }

    /** Reads a BERT {@code vocab.txt}: one token per line, line number - 1 = id. */
    public static Vocabulary readVocabTxt(Path file) throws IOException {
        List<String> tokens = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String token = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            tokens.add(token);
        }
        while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).isEmpty()) {
            tokens.remove(tokens.size() - 1);
        }
        try {
            return new Vocabulary(tokens);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the vocabulary as a BERT {@code vocab.txt}. */
    public void writeVocabTxt(Path file) throws IOException {
        Files.write(file, tokens, StandardCharsets.UTF_8);
    }

    /** Number of tokens. */
    public int size() {
        return tokens.size();
    }

    /** All tokens, index = id. */
    public List<String> tokens() {
        return tokens;
    }

    /** The token's id, or -1 if absent. */
    public int id(String token) {
        Integer id = ids.get(token);
        return id == null ? -1 : id;
    }

    /** The token with this id. */
    public String token(int id) {
        return tokens.get(id);
    }
}
