package ftenergy.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ftenergy.text.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the vocabulary of a tokenizer file stored with a checkpoint: a HuggingFace
 * {@code tokenizer.json} (WordPiece {@code model.vocab} plus {@code added_tokens}) or a BERT
 * {@code vocab.txt}. Enough to find the special tokens and decode answers, without loading the
 * native tokenizer.
 */
public final class VocabularyFile {

    private VocabularyFile() {}

    /** Reads {@code *.json} as a tokenizer file, anything else as {@code vocab.txt}; fails naming the file. */
    public static Vocabulary read(Path file) {
        try {
            if (!file.getFileName().toString().endsWith(".json")) {
                return Vocabulary.readVocabTxt(file);
            }
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            JsonNode vocab = root.path("model").path("vocab");
            if (!vocab.isObject()) {
                throw new ModelException(file, "no model.vocab object: not a WordPiece tokenizer.json");
            }
            Map<Integer, String> byId = new HashMap<>();
            for (Map.Entry<String, JsonNode> entry : vocab.properties()) {
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
            return new Vocabulary(tokens);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelException(file, "cannot read vocabulary: " + e.getMessage(), e);
        }
    }
}
