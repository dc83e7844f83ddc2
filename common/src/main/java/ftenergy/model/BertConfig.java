package ftenergy.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import ftenergy.run.ModelSpec;

/**
 * The shape of a BERT encoder, field for field the keys of a HuggingFace BERT {@code config.json},
 * so a HuggingFace BERT config reads straight into it and ours can be read by HuggingFace.
 *
 * <p>DistilBERT ({@code model_type} {@code distilbert}) is the same encoder with three
 * differences the model follows: no token-type (segment) embeddings ({@code typeVocabSize} 0), no
 * dropout after the attention output projection, and no pooler: its sequence-classification head
 * is {@code pre_classifier} + ReLU + dropout + {@code classifier}. Its {@code config.json} keys
 * differ ({@code dim}, {@code n_layers}, ...); {@code model.checkpoint.HuggingFaceConfig} maps them.
 *
 * <p>Example: {@code BertConfig.of(new ModelSpec("bert-tiny", 2, 128, 2, 512, "scratch"), 30522)}.
 *
 * @param vocabSize rows of the word-embedding table
 * @param hiddenSize width of every token representation
 * @param numHiddenLayers transformer layers
 * @param numAttentionHeads attention heads per layer; divides {@code hiddenSize}
 * @param intermediateSize feed-forward width (4 × hidden in BERT)
 * @param maxPositionEmbeddings longest sequence the position table covers (512 in BERT)
 * @param typeVocabSize segment ids (2: first and second sentence)
 * @param hiddenDropoutProb dropout after embeddings, attention output and feed-forward output
 * @param attentionProbsDropoutProb dropout on attention probabilities
 * @param layerNormEps LayerNorm epsilon (1e-12 in BERT)
 * @param hiddenAct feed-forward activation; only {@code gelu} (exact, erf-based) is supported
 * @param modelType {@link #BERT} or {@link #DISTILBERT}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BertConfig(
        @JsonProperty("vocab_size") int vocabSize,
        @JsonProperty("hidden_size") int hiddenSize,
        @JsonProperty("num_hidden_layers") int numHiddenLayers,
        @JsonProperty("num_attention_heads") int numAttentionHeads,
        @JsonProperty("intermediate_size") int intermediateSize,
        @JsonProperty("max_position_embeddings") int maxPositionEmbeddings,
        @JsonProperty("type_vocab_size") int typeVocabSize,
        @JsonProperty("hidden_dropout_prob") float hiddenDropoutProb,
        @JsonProperty("attention_probs_dropout_prob") float attentionProbsDropoutProb,
        @JsonProperty("layer_norm_eps") float layerNormEps,
        @JsonProperty("hidden_act") String hiddenAct,
        @JsonProperty("model_type") String modelType) {

    /** BERT's position table length. */
    public static final int DEFAULT_MAX_POSITIONS = 512;
    /** HuggingFace's {@code model_type} of BERT. */
    public static final String BERT = "bert";
    /** HuggingFace's {@code model_type} of DistilBERT. */
    public static final String DISTILBERT = "distilbert";

    public BertConfig {
        if (modelType == null) {
            modelType = BERT;
        }
        if (!modelType.equals(BERT) && !modelType.equals(DISTILBERT)) {
            throw new IllegalArgumentException("model_type '" + modelType + "' is not supported; only " + BERT + " and "
                    + DISTILBERT);
        }
        if (vocabSize <= 0 || hiddenSize <= 0 || numHiddenLayers <= 0 || numAttentionHeads <= 0
                || intermediateSize <= 0 || maxPositionEmbeddings <= 0) {
            throw new IllegalArgumentException("BERT config sizes must all be > 0: " + describe(
                    vocabSize, hiddenSize, numHiddenLayers, numAttentionHeads, intermediateSize));
        }
        if (modelType.equals(BERT) ? typeVocabSize <= 0 : typeVocabSize != 0) {
            throw new IllegalArgumentException("type_vocab_size must be " + (modelType.equals(BERT)
                    ? "> 0 for BERT" : "0 for DistilBERT, which has no token-type embeddings") + ", was " + typeVocabSize);
        }
        if (hiddenSize % numAttentionHeads != 0) {
            throw new IllegalArgumentException(
                    "hidden size " + hiddenSize + " is not divisible by " + numAttentionHeads + " attention heads");
        }
        if (hiddenAct == null) {
            hiddenAct = "gelu";
        }
        if (!hiddenAct.equals("gelu")) {
            throw new IllegalArgumentException("hidden_act '" + hiddenAct + "' is not supported; only gelu");
        }
        if (layerNormEps <= 0) {
            layerNormEps = 1e-12f;
        }
    }

    /** A BERT (not DistilBERT) config. */
    public BertConfig(int vocabSize, int hiddenSize, int numHiddenLayers, int numAttentionHeads, int intermediateSize,
            int maxPositionEmbeddings, int typeVocabSize, float hiddenDropoutProb, float attentionProbsDropoutProb,
            float layerNormEps, String hiddenAct) {
        this(vocabSize, hiddenSize, numHiddenLayers, numAttentionHeads, intermediateSize, maxPositionEmbeddings,
                typeVocabSize, hiddenDropoutProb, attentionProbsDropoutProb, layerNormEps, hiddenAct, BERT);
    }

    /** BERT's defaults (512 positions, 2 segments, dropout 0.1, epsilon 1e-12) around a model spec's shape. */
    public static BertConfig of(ModelSpec spec, int vocabSize) {
        return new BertConfig(vocabSize, spec.hidden(), spec.layers(), spec.heads(), spec.intermediate(),
                DEFAULT_MAX_POSITIONS, 2, 0.1f, 0.1f, 1e-12f, "gelu");
    }

    /** The same shape with another number of layers (a distillation student). */
    public BertConfig withLayers(int layers) {
        return new BertConfig(vocabSize, hiddenSize, layers, numAttentionHeads, intermediateSize,
                maxPositionEmbeddings, typeVocabSize, hiddenDropoutProb, attentionProbsDropoutProb, layerNormEps,
                hiddenAct, modelType);
    }

    /** Whether this is DistilBERT (no token types, no pooler, {@code pre_classifier} head). */
    @JsonIgnore
    public boolean isDistilBert() {
        return modelType.equals(DISTILBERT);
    }

    /** Width of one attention head. */
    public int headSize() {
        return hiddenSize / numAttentionHeads;
    }

    /** True when the shape (layers, hidden, heads, intermediate) is the one a model spec asks for. */
    public boolean matches(ModelSpec spec) {
        return spec.layers() == numHiddenLayers && spec.hidden() == hiddenSize && spec.heads() == numAttentionHeads
                && spec.intermediate() == intermediateSize;
    }

    /** Short human form, as used in error messages: {@code L2/H128/A2/I512/V30522}, {@code DistilBERT L6/...}. */
    public String describe() {
        return (isDistilBert() ? "DistilBERT " : "") + describe(vocabSize, hiddenSize, numHiddenLayers, numAttentionHeads,
                intermediateSize);
    }

    private static String describe(int vocab, int hidden, int layers, int heads, int intermediate) {
        return "L" + layers + "/H" + hidden + "/A" + heads + "/I" + intermediate + "/V" + vocab;
    }
}
