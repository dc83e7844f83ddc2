package ftenergy.model.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Tiny model directories laid out as HuggingFace's {@code save_pretrained} leaves them
 * ({@code config.json}, {@code model.safetensors}, {@code vocab.txt}), with the tensor names and
 * config keys of {@code BertForMaskedLM} and {@code DistilBertForMaskedLM}, seeded random weights.
 * The safetensors file is written here, independently of the project's reader.
 *
 * <p>The vocabulary has 200 tokens with BERT's special ids ([PAD] 0, [UNK] 100, [CLS] 101,
 * [SEP] 102, [MASK] 103), so the train package's synthetic tasks fit it.
 */
public final class HuggingFaceDirs {

    public static final int VOCAB = 200;
    public static final int HIDDEN = 16;
    public static final int LAYERS = 2;
    public static final int HEADS = 2;
    public static final int INTERMEDIATE = 32;
    public static final int POSITIONS = 64;

    private static final ObjectMapper JSON = new ObjectMapper();

    private HuggingFaceDirs() {}

    /** A {@code BertForMaskedLM} directory; returns its tensors by HuggingFace name. */
    public static Map<String, float[]> bert(Path dir, long seed) throws IOException {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("bert.embeddings.word_embeddings.weight", new long[] {VOCAB, HIDDEN});
        shapes.put("bert.embeddings.position_embeddings.weight", new long[] {POSITIONS, HIDDEN});
        shapes.put("bert.embeddings.token_type_embeddings.weight", new long[] {2, HIDDEN});
        norm(shapes, "bert.embeddings.LayerNorm");
        for (int i = 0; i < LAYERS; i++) {
            String layer = "bert.encoder.layer." + i + ".";
            dense(shapes, layer + "attention.self.query", HIDDEN, HIDDEN);
            dense(shapes, layer + "attention.self.key", HIDDEN, HIDDEN);
            dense(shapes, layer + "attention.self.value", HIDDEN, HIDDEN);
            dense(shapes, layer + "attention.output.dense", HIDDEN, HIDDEN);
            norm(shapes, layer + "attention.output.LayerNorm");
            dense(shapes, layer + "intermediate.dense", INTERMEDIATE, HIDDEN);
            dense(shapes, layer + "output.dense", HIDDEN, INTERMEDIATE);
            norm(shapes, layer + "output.LayerNorm");
        }
        dense(shapes, "cls.predictions.transform.dense", HIDDEN, HIDDEN);
        norm(shapes, "cls.predictions.transform.LayerNorm");
        shapes.put("cls.predictions.bias", new long[] {VOCAB});
        ObjectNode config = JSON.createObjectNode();
        config.putArray("architectures").add("BertForMaskedLM");
        config.put("attention_probs_dropout_prob", 0.1);
        config.put("hidden_act", "gelu");
        config.put("hidden_dropout_prob", 0.1);
        config.put("hidden_size", HIDDEN);
        config.put("initializer_range", 0.02);
        config.put("intermediate_size", INTERMEDIATE);
        config.put("layer_norm_eps", 1e-12);
        config.put("max_position_embeddings", POSITIONS);
        config.put("model_type", "bert");
        config.put("num_attention_heads", HEADS);
        config.put("num_hidden_layers", LAYERS);
        config.put("pad_token_id", 0);
        config.put("position_embedding_type", "absolute");
        config.put("transformers_version", "4.44.2");
        config.put("type_vocab_size", 2);
        config.put("vocab_size", VOCAB);
        return write(dir, config, shapes, seed);
    }

    /** A {@code DistilBertForMaskedLM} directory, DistilBERT's own names and keys; returns its tensors by name. */
    public static Map<String, float[]> distilBert(Path dir, long seed) throws IOException {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("distilbert.embeddings.word_embeddings.weight", new long[] {VOCAB, HIDDEN});
        shapes.put("distilbert.embeddings.position_embeddings.weight", new long[] {POSITIONS, HIDDEN});
        norm(shapes, "distilbert.embeddings.LayerNorm");
        for (int i = 0; i < LAYERS; i++) {
            String layer = "distilbert.transformer.layer." + i + ".";
            dense(shapes, layer + "attention.q_lin", HIDDEN, HIDDEN);
            dense(shapes, layer + "attention.k_lin", HIDDEN, HIDDEN);
            dense(shapes, layer + "attention.v_lin", HIDDEN, HIDDEN);
            dense(shapes, layer + "attention.out_lin", HIDDEN, HIDDEN);
            norm(shapes, layer + "sa_layer_norm");
            dense(shapes, layer + "ffn.lin1", INTERMEDIATE, HIDDEN);
            dense(shapes, layer + "ffn.lin2", HIDDEN, INTERMEDIATE);
            norm(shapes, layer + "output_layer_norm");
        }
        dense(shapes, "vocab_transform", HIDDEN, HIDDEN);
        norm(shapes, "vocab_layer_norm");
        shapes.put("vocab_projector.bias", new long[] {VOCAB});
        ObjectNode config = JSON.createObjectNode();
        config.put("activation", "gelu");
        config.putArray("architectures").add("DistilBertForMaskedLM");
        config.put("attention_dropout", 0.1);
        config.put("dim", HIDDEN);
        config.put("dropout", 0.1);
        config.put("hidden_dim", INTERMEDIATE);
        config.put("initializer_range", 0.02);
        config.put("max_position_embeddings", POSITIONS);
        config.put("model_type", "distilbert");
        config.put("n_heads", HEADS);
        config.put("n_layers", LAYERS);
        config.put("pad_token_id", 0);
        config.put("qa_dropout", 0.1);
        config.put("seq_classif_dropout", 0.2);
        config.put("sinusoidal_pos_embds", false);
        config.put("tie_weights_", true);
        config.put("transformers_version", "4.44.2");
        config.put("vocab_size", VOCAB);
        return write(dir, config, shapes, seed);
    }

    /** The 200-token vocabulary, BERT's special ids in place. */
    public static List<String> vocabulary() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < VOCAB; i++) {
            tokens.add(switch (i) {
                case 0 -> "[PAD]";
                case 100 -> "[UNK]";
                case 101 -> "[CLS]";
                case 102 -> "[SEP]";
                case 103 -> "[MASK]";
                default -> i % 3 == 0 ? "##p" + i : "w" + i;
            });
        }
        return tokens;
    }

    /** The tensor names in a safetensors file's header, read here rather than through the project's reader. */
    public static List<String> tensorNames(Path safetensors) throws IOException {
        byte[] bytes = Files.readAllBytes(safetensors);
        long length = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        List<String> names = new ArrayList<>();
        JSON.readTree(new String(bytes, 8, (int) length, StandardCharsets.UTF_8)).fieldNames().forEachRemaining(names::add);
        names.remove("__metadata__");
        return names;
    }

    private static void dense(Map<String, long[]> shapes, String module, int out, int in) {
        shapes.put(module + ".weight", new long[] {out, in});
        shapes.put(module + ".bias", new long[] {out});
    }

    private static void norm(Map<String, long[]> shapes, String module) {
        shapes.put(module + ".weight", new long[] {HIDDEN});
        shapes.put(module + ".bias", new long[] {HIDDEN});
    }

    private static Map<String, float[]> write(Path dir, ObjectNode config, Map<String, long[]> shapes, long seed)
            throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        Map<String, float[]> tensors = new LinkedHashMap<>();
        ObjectNode header = JSON.createObjectNode();
        header.putObject("__metadata__").put("format", "pt");
        long offset = 0;
        for (Map.Entry<String, long[]> entry : shapes.entrySet()) {
            long size = 1;
            for (long dim : entry.getValue()) {
                size *= dim;
            }
            float[] values = new float[(int) size];
            boolean layerNormWeight = entry.getKey().contains("LayerNorm.weight") || entry.getKey().contains("layer_norm.weight");
            for (int i = 0; i < values.length; i++) {
                values[i] = layerNormWeight ? 1 + 0.1f * (float) random.nextGaussian() : 0.05f * (float) random.nextGaussian();
            }
            tensors.put(entry.getKey(), values);
            ObjectNode info = header.putObject(entry.getKey());
            info.put("dtype", "F32");
            var shape = info.putArray("shape");
            for (long dim : entry.getValue()) {
                shape.add(dim);
            }
            info.putArray("data_offsets").add(offset).add(offset + 4 * size);
            offset += 4 * size;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        ByteBuffer file = ByteBuffer.allocate(8 + json.length + (int) offset).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(json.length).put(json);
        for (float[] values : tensors.values()) {
            for (float v : values) {
                file.putFloat(v);
            }
        }
        Files.write(dir.resolve("model.safetensors"), file.array());
        Files.writeString(dir.resolve("config.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config),
                StandardCharsets.UTF_8);
        Files.write(dir.resolve("vocab.txt"), vocabulary());
        return tensors;
    }
}
