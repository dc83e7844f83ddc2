package ftenergy.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The id ↔ token table of a WordPiece tokenizer, read from a HuggingFace {@code tokenizer.json}
 * or a BERT {@code vocab.txt}: what a checkpoint needs to find its special tokens and to turn
 * predicted token spans back into text.
 */
public final class Vocabulary {

    private final List<String> tokens;
    private final Map<String, Integer> ids;
    private final Path source;

    private Vocabulary(List<String> tokens, Path source) {
        this.tokens = List.copyOf(tokens);
        this.source = source;
        ids = new HashMap<>();
        for (int id = 0; id < tokens.size(); id++) {
            ids.putIfAbsent(tokens.get(id), id);
        }
    }

    /** Reads {@code *.json} as a HuggingFace tokenizer file, anything else as one token per line. */
    public static Vocabulary read(Path file) {
        try {
            return file.getFileName().toString().endsWith(".json") ? readTokenizerJson(file) : readVocabTxt(file);
        } catch (IOException e) {
            throw new ModelException(file, "cannot read vocabulary", e);
        }
    }

    private static Vocabulary readVocabTxt(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return new Vocabulary(lines, file);
    }

    private static Vocabulary readTokenizerJson(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        JsonNode vocab = root.path("model").path("vocab");
        if (!vocab.isObject()) {
            throw new ModelException(file, "no model.vocab object: not a WordPiece tokenizer.json");
        }
        Map<Integer, String> byId = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            byId.put(entry.getValue().asInt(), entry.getKey());
        }
        for (JsonNode added : root.path("added_tokens")) {
            byId.put(added.path("id").asInt(), added.path("content").asText());
        }
        List<String> tokens = new ArrayList<>();
        for (int id = 0; id < byId.size(); id++) {
            String token = byId.get(id);
            if (token == null) {
                throw new ModelException(file, "token ids are not contiguous: no token has id " + id);
            }
            tokens.add(token);
        }
        return new Vocabulary(tokens, file);
    }

    public int size() {
        return tokens.size();
    }

    /** The token with this id. */
    public String token(int id) {
        return tokens.get(id);
    }

    /** The id of a token, or -1 if the vocabulary lacks it. */
    public int id(String token) {
        return ids.getOrDefault(token, -1);
    }

    /** [PAD], [UNK], [CLS], [SEP] and [MASK]; fails naming the file if one is missing. */
    public SpecialTokens specialTokens() {
        return new SpecialTokens(require("[PAD]"), require("[UNK]"), require("[CLS]"), require("[SEP]"),
                require("[MASK]"));
    }

    private int require(String token) {
        int id = id(token);
        if (id < 0) {
            throw new ModelException(source, "vocabulary has no " + token + " token");
        }
        return id;
    }

    /**
     * Text of the tokens {@code ids[from..to]} (inclusive), joined the WordPiece way: {@code ##}
     * pieces glue to the previous token, other tokens are separated by a space.
     */
    public String decode(int[] ids, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i <= to; i++) {
            String token = ids[i] >= 0 && ids[i] < tokens.size() ? tokens.get(ids[i]) : "[UNK]";
            if (token.startsWith("##")) {
                text.append(token, 2, token.length());
            } else {
                if (text.length() > 0) {
                    text.append(' ');
                }
                text.append(token);
            }
        }
        return text.toString();
    }
}
