package ftenergy.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a HuggingFace {@code tokenizer.json} for a BERT WordPiece vocabulary: BERT normaliser,
 * BERT pre-tokeniser, WordPiece model, {@code [CLS] A [SEP]} / {@code [CLS] A [SEP] B [SEP]}
 * template with type ids 0 and 1, WordPiece decoder; the same layout HuggingFace ships for
 * {@code bert-base-uncased}. Truncation and padding are left to the loader.
 */
public final class TokenizerJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TokenizerJson() {}

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
