package ftenergy.model.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ftenergy.data.TaskType;
import ftenergy.model.BertConfig;
import ftenergy.model.BertModel;
import ftenergy.model.TaskHead;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HuggingFace's {@code config.json} of a BERT or a DistilBERT: the encoder's shape, the head (the
 * {@code architectures} class and {@code id2label}), both ways. BERT's keys are
 * {@link BertConfig}'s own; DistilBERT's ({@code dim}, {@code n_layers}, {@code n_heads},
 * {@code hidden_dim}, {@code dropout}, {@code attention_dropout}, {@code activation}) are mapped,
 * missing ones taking {@code DistilBertConfig}'s defaults as HuggingFace does.
 */
final class HuggingFaceConfig {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Head type of each {@code architectures} class; {@code BertForPreTraining}'s next-sentence head is dropped. */
    private static final Map<String, TaskType> ARCHITECTURES = Map.of(
            "BertForSequenceClassification", TaskType.SEQUENCE_CLASSIFICATION,
            "BertForTokenClassification", TaskType.TOKEN_CLASSIFICATION,
            "BertForQuestionAnswering", TaskType.SPAN_QA,
            "BertForMaskedLM", TaskType.MASKED_LM,
            "BertForPreTraining", TaskType.MASKED_LM,
            "DistilBertForSequenceClassification", TaskType.SEQUENCE_CLASSIFICATION,
            "DistilBertForTokenClassification", TaskType.TOKEN_CLASSIFICATION,
            "DistilBertForQuestionAnswering", TaskType.SPAN_QA,
            "DistilBertForMaskedLM", TaskType.MASKED_LM);

    private HuggingFaceConfig() {}

    /**
     * The encoder's shape.
     *
     * @throws IllegalArgumentException naming the key that is wrong or unsupported
     */
    static BertConfig shape(JsonNode root) throws JsonProcessingException {
        String type = root.path("model_type").asText(BertConfig.BERT);
        if (!type.equals(BertConfig.DISTILBERT)) {
            return JSON.treeToValue(root, BertConfig.class);
        }
        if (root.path("sinusoidal_pos_embds").asBoolean(false)) {
            throw new IllegalArgumentException("sinusoidal_pos_embds true is not supported: only learned position embeddings");
        }
        requireDefault(root, "seq_classif_dropout", BertModel.DISTILBERT_CLASSIFIER_DROPOUT);
        requireDefault(root, "qa_dropout", BertModel.DISTILBERT_QA_DROPOUT);
        return new BertConfig(root.path("vocab_size").asInt(30522), root.path("dim").asInt(768),
                root.path("n_layers").asInt(6), root.path("n_heads").asInt(12), root.path("hidden_dim").asInt(3072),
                root.path("max_position_embeddings").asInt(512), 0, (float) root.path("dropout").asDouble(0.1),
                (float) root.path("attention_dropout").asDouble(0.1), 1e-12f, root.path("activation").asText("gelu"),
                BertConfig.DISTILBERT);
    }

    /** The head ({@code architectures[0]} and {@code id2label}), or {@code null} for a bare encoder. */
    static TaskHead head(JsonNode root) {
        JsonNode architectures = root.path("architectures");
        TaskType type = architectures.size() == 0 ? null : ARCHITECTURES.get(architectures.get(0).asText());
        if (type == null) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        if (type == TaskType.SEQUENCE_CLASSIFICATION || type == TaskType.TOKEN_CLASSIFICATION) {
            JsonNode id2label = root.path("id2label");
            for (int i = 0; i < id2label.size(); i++) {
                labels.add(id2label.path(Integer.toString(i)).asText("LABEL_" + i));
            }
        }
        return new TaskHead(type, labels);
    }

    /** The config of {@code model} as HuggingFace writes it for its type, without our own additions. */
    static ObjectNode of(BertModel model) {
        BertConfig c = model.config();
        ObjectNode config;
        if (c.isDistilBert()) {
            config = JSON.createObjectNode();
            config.put("model_type", BertConfig.DISTILBERT);
            config.put("vocab_size", c.vocabSize());
            config.put("dim", c.hiddenSize());
            config.put("n_layers", c.numHiddenLayers());
            config.put("n_heads", c.numAttentionHeads());
            config.put("hidden_dim", c.intermediateSize());
            config.put("max_position_embeddings", c.maxPositionEmbeddings());
            config.put("dropout", c.hiddenDropoutProb());
            config.put("attention_dropout", c.attentionProbsDropoutProb());
            config.put("activation", c.hiddenAct());
            config.put("qa_dropout", BertModel.DISTILBERT_QA_DROPOUT);
            config.put("seq_classif_dropout", BertModel.DISTILBERT_CLASSIFIER_DROPOUT);
            config.put("sinusoidal_pos_embds", false);
        } else {
            config = JSON.valueToTree(c);
        }
        config.putArray("architectures").add(architecture(model.head().type(), c.isDistilBert()));
        List<String> labels = model.head().labels();
        if (!labels.isEmpty()) {
            ObjectNode id2label = config.putObject("id2label");
            for (int i = 0; i < labels.size(); i++) {
                id2label.put(Integer.toString(i), labels.get(i));
            }
        }
        return config;
    }

    private static String architecture(TaskType head, boolean distilBert) {
        String model = distilBert ? "DistilBert" : "Bert";
        return switch (head) {
            case SEQUENCE_CLASSIFICATION -> model + "ForSequenceClassification";
            case TOKEN_CLASSIFICATION -> model + "ForTokenClassification";
            case SPAN_QA -> model + "ForQuestionAnswering";
            case MASKED_LM -> model + "ForMaskedLM";
        };
    }

    private static void requireDefault(JsonNode root, String key, float value) {
        if (root.has(key) && Math.abs(root.get(key).asDouble() - value) > 1e-6) {
            throw new IllegalArgumentException(key + " " + root.get(key).asText() + " is not supported; ftenergy's"
                    + " DistilBERT heads use DistilBERT's default " + value);
        }
    }
}
