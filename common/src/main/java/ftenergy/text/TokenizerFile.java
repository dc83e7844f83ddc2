package ftenergy.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tokenizer file as ftenergy stores it beside examples and checkpoints: a HuggingFace
 * {@code tokenizer.json}, or a BERT {@code vocab.txt}. The one place such files are read for their
 * vocabulary ({@link #vocabulary}) and written ({@link #write}); {@link TextTokenizer} loads them
 * for encoding through DJL's native tokenizers.
 *
 * <p>What it writes is a BERT WordPiece tokenizer: BERT normaliser, BERT pre-tokeniser, WordPiece
 * model, {@code [CLS] A [SEP]} / {@code [CLS] A [SEP] B [SEP]} template with type ids 0 and 1,
 * WordPiece decoder; the same layout HuggingFace ships for {@code bert-base-uncased}. Truncation
 * and padding are left to the loader.
 */
public final class TokenizerFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TokenizerFile() {}

    /**
     * The vocabulary of a tokenizer file: {@code *.json} as a HuggingFace tokenizer (WordPiece
     * {@code model.vocab} plus {@code added_tokens}), anything else as a BERT {@code vocab.txt}.
     * Enough to find the special tokens and decode answers without loading the native tokenizer.
     *
     * @throws UncheckedIOException naming the file when it cannot be read or is not such a tokenizer
     */
    public static Vocabulary vocabulary(Path file) {
        try {
            if (!file.getFileName().toString().endsWith(".json")) {
                return Vocabulary.readVocabTxt(file);
            }
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            JsonNode vocab = root.path("model").path("vocab");
            if (!vocab.isObject()) {
                throw new IOException("no model.vocab object: not a WordPiece tokenizer.json");
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
                    throw new IOException("token ids are not contiguous: no token has id " + id);
                }
                tokens.add(token);
            }
            return new Vocabulary(tokens);
        } catch (IOException | IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("cannot read the vocabulary of tokenizer file " + file + ": "
                    + e.getMessage(), e));
        }
    }

    /**
     * Writes the file atomically (temp file, then rename).
     *
     * @param vocabulary the vocabulary
     * @param lowercase lower-case and strip accents before splitting (uncased models)
     * @param out the {@code tokenizer.json} to write
     */
    public static void write(Vocabulary vocabulary, boolean lowercase, Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".tokenizer-", ".json");
        try {
            JSON.writeValue(tmp.toFile(), build(vocabulary, lowercase));
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Builds a tokenizer.json from a BERT {@code vocab.txt} (e.g. bert-base-uncased's). */
    public static Vocabulary fromVocabTxt(Path vocabTxt, boolean lowercase, Path out) throws IOException {
        Vocabulary vocabulary = Vocabulary.readVocabTxt(vocabTxt);
        write(vocabulary, lowercase, out);
        return vocabulary;
    }

    static ObjectNode build(Vocabulary vocabulary, boolean lowercase) {
        ObjectNode root = NODES.objectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (String special : Vocabulary.SPECIALS) {
            ObjectNode t = added.addObject();
            t.put("id", vocabulary.id(special));
            t.put("content", special);
            t.put("single_word", false);
            t.put("lstrip", false);
            t.put("rstrip", false);
            t.put("normalized", false);
            t.put("special", true);
        }
        ObjectNode normalizer = root.putObject("normalizer");
        normalizer.put("type", "BertNormalizer");
        normalizer.put("clean_text", true);
        normalizer.put("handle_chinese_chars", true);
        normalizer.putNull("strip_accents");
        normalizer.put("lowercase", lowercase);
        root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");
        ObjectNode post = root.putObject("post_processor");
        post.put("type", "TemplateProcessing");
        ArrayNode single = post.putArray("single");
        special(single, Vocabulary.CLS, 0);
        sequence(single, "A", 0);
        special(single, Vocabulary.SEP, 0);
        ArrayNode pair = post.putArray("pair");
        special(pair, Vocabulary.CLS, 0);
        sequence(pair, "A", 0);
        special(pair, Vocabulary.SEP, 0);
        sequence(pair, "B", 1);
        special(pair, Vocabulary.SEP, 1);
        ObjectNode specials = post.putObject("special_tokens");
        for (String s : new String[] {Vocabulary.CLS, Vocabulary.SEP}) {
            ObjectNode entry = specials.putObject(s);
            entry.put("id", s);
            entry.putArray("ids").add(vocabulary.id(s));
            entry.putArray("tokens").add(s);
        }
        ObjectNode decoder = root.putObject("decoder");
        decoder.put("type", "WordPiece");
        decoder.put("prefix", Vocabulary.CONTINUATION);
        decoder.put("cleanup", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "WordPiece");
        model.put("unk_token", Vocabulary.UNK);
        model.put("continuing_subword_prefix", Vocabulary.CONTINUATION);
        model.put("max_input_chars_per_word", 100);
        ObjectNode vocab = model.putObject("vocab");
        for (int id = 0; id < vocabulary.size(); id++) {
            vocab.put(vocabulary.token(id), id);
        }
        return root;
    }

    private static void special(ArrayNode template, String token, int typeId) {
        ObjectNode inner = template.addObject().putObject("SpecialToken");
        inner.put("id", token);
        inner.put("type_id", typeId);
    }

    private static void sequence(ArrayNode template, String id, int typeId) {
        ObjectNode inner = template.addObject().putObject("Sequence");
        inner.put("id", id);
        inner.put("type_id", typeId);
    }
}
