package ftenergy.model.checkpoint;

import ftenergy.model.BertConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a checkpoint names BERT's tensors, and where our HuggingFace-named parameters are found in it.
 *
 * <p>Google's TF1 names use {@code /}, {@code layer_N}, {@code kernel} for a dense weight stored
 * {@code (in, out)}, {@code gamma}/{@code beta} for LayerNorm and no suffix on embedding tables;
 * HuggingFace names are ours, possibly without the {@code bert.} prefix (a bare {@code BertModel})
 * and, in old files, with LayerNorm's {@code gamma}/{@code beta}; HuggingFace's DistilBERT names
 * its modules its own way ({@code distilbert.transformer.layer.N.attention.q_lin},
 * {@code sa_layer_norm}, {@code ffn.lin1}, ..., heads {@code pre_classifier}, {@code vocab_transform},
 * {@code vocab_layer_norm}, {@code vocab_projector}). Any may sit under an extra scope (TF Hub
 * modules put everything under {@code module/}), found from where the word table is.
 */
public enum CheckpointNaming {

    /** Google's TF1 checkpoints ({@code bert/encoder/layer_0/attention/self/query/kernel}). */
    GOOGLE_TF("embeddings/word_embeddings", "bert/") {
        @Override
        List<SourceName> candidates(String parameter) {
            return List.of(googleName(parameter));
        }

        @Override
        boolean isBookkeeping(String name) {
            return name.endsWith("global_step") || name.endsWith("/adam_m") || name.endsWith("/adam_v")
                    || name.contains("cls/seq_relationship/") || name.endsWith("loss_scale")
                    || name.endsWith("good_steps");
        }
    },

    /**
     * HuggingFace's DistilBERT ({@code distilbert.transformer.layer.0.attention.q_lin.weight}); our
     * pooler is its sequence head's {@code pre_classifier}, outside the encoder.
     */
    DISTILBERT("embeddings.word_embeddings.weight", "distilbert.") {
        @Override
        boolean recognises(Collection<String> names) {
            return names.stream().anyMatch(name -> name.contains("transformer.layer."));
        }

        @Override
        boolean inEncoderScope(String parameter) {
            return parameter.startsWith("bert.") && !parameter.startsWith("bert.pooler.");
        }

        @Override
        List<SourceName> candidates(String parameter) {
            return List.of(new SourceName(distilBertName(parameter), false));
        }

        @Override
        boolean isBookkeeping(String name) {
            // The projector's weight is the word table (tied).
            return name.endsWith("position_ids") || name.endsWith("vocab_projector.weight");
        }
    },

    /** HuggingFace's PyTorch names ({@code bert.encoder.layer.0.attention.self.query.weight}). */
    HUGGING_FACE("embeddings.word_embeddings.weight", "bert.") {
        @Override
        List<SourceName> candidates(String parameter) {
            List<SourceName> names = new ArrayList<>();
            String relative = parameter.startsWith("bert.") ? parameter.substring("bert.".length()) : parameter;
            names.add(new SourceName(relative, false));
            if (relative.contains("LayerNorm.")) {
                names.add(new SourceName(relative.replace("LayerNorm.weight", "LayerNorm.gamma")
                        .replace("LayerNorm.bias", "LayerNorm.beta"), false));
            }
            if (relative.equals("cls.predictions.bias")) {
                names.add(new SourceName("cls.predictions.decoder.bias", false));
            }
            return names;
        }

        @Override
        boolean isBookkeeping(String name) {
            // The decoder weight is the word table (tied); position_ids is a buffer, not a weight.
            return name.endsWith("position_ids") || name.contains("cls.seq_relationship.")
                    || name.endsWith("cls.predictions.decoder.weight") || name.endsWith("cls.predictions.decoder.bias");
        }
    };

    private static final Pattern LAYER = Pattern.compile("\\.layer\\.(\\d+)\\.");
    private static final Pattern BERT_LAYER = Pattern.compile("^encoder\\.layer\\.(\\d+)\\.(.*)$");
    /** Head modules, which are never encoder tensors, even in a checkpoint with no encoder scope. */
    private static final List<String> HEAD_PREFIXES =
            List.of("cls.", "classifier.", "qa_outputs.", "pre_classifier.", "vocab_transform.", "vocab_layer_norm.",
                    "vocab_projector.");

    private final String wordTableSuffix;
    private final String encoderScope;

    CheckpointNaming(String wordTableSuffix, String encoderScope) {
        this.wordTableSuffix = wordTableSuffix;
        this.encoderScope = encoderScope;
    }

    /**
     * Where a checkpoint keeps one parameter.
     *
     * @param name the tensor name relative to the checkpoint's scope
     * @param transposed whether it is stored {@code (in, out)}, transposed from PyTorch's {@code (out, in)}
     */
    record SourceName(String name, boolean transposed) {
    }

    /**
     * A checkpoint's naming and scope.
     *
     * @param naming the convention
     * @param encoderPrefix what precedes {@code embeddings...} in its names ({@code module/bert/}, {@code bert.}, or empty)
     * @param rootPrefix what precedes head names ({@code module/}, or empty)
     */
    record Detected(CheckpointNaming naming, String encoderPrefix, String rootPrefix) {

        /** Checkpoint names to try, in order, for one of our parameter names. */
        List<SourceName> candidates(String parameter) {
            String prefix = naming.inEncoderScope(parameter) ? encoderPrefix : rootPrefix;
            List<SourceName> names = new ArrayList<>();
            for (SourceName relative : naming.candidates(parameter)) {
                names.add(new SourceName(prefix + relative.name(), relative.transposed()));
            }
            return names;
        }

        /** Whether an unused checkpoint tensor belongs to the encoder (so its absence from the model is an error). */
        boolean isEncoder(String name) {
            if (!name.startsWith(encoderPrefix) || naming.isBookkeeping(name)) {
                return false;
            }
            // A bare HuggingFace BertModel has no encoder scope: everything but the heads is encoder.
            String relative = name.substring(encoderPrefix.length());
            return !encoderPrefix.isEmpty() || HEAD_PREFIXES.stream().noneMatch(relative::startsWith);
        }

        /** Whether one of our parameters belongs to the checkpoint's encoder, not to a head. */
        boolean inEncoderScope(String parameter) {
            return naming.inEncoderScope(parameter);
        }
    }

    /** Checkpoint names for one parameter, relative to the checkpoint's scope. */
    abstract List<SourceName> candidates(String parameter);

    /** Whether a checkpoint whose word table this naming matched is really of this naming. */
    boolean recognises(Collection<String> names) {
        return true;
    }

    /** Whether one of our parameters lives in the encoder's scope (else at the checkpoint's root, with the heads). */
    boolean inEncoderScope(String parameter) {
        return parameter.startsWith("bert.");
    }

    /** Training state and heads we never model (optimizer slots, step counters, next-sentence head). */
    abstract boolean isBookkeeping(String name);

    /**
     * Recognises a checkpoint's naming by its word-embedding table.
     *
     * @throws CheckpointException when no tensor looks like BERT's word embeddings
     */
    static Detected detect(Path source, Collection<String> names) {
        for (CheckpointNaming naming : values()) {
            if (!naming.recognises(names)) {
                continue;
            }
            for (String name : names) {
                if (name.endsWith(naming.wordTableSuffix)) {
                    String encoderPrefix = name.substring(0, name.length() - naming.wordTableSuffix.length());
                    String rootPrefix = encoderPrefix.endsWith(naming.encoderScope)
                            ? encoderPrefix.substring(0, encoderPrefix.length() - naming.encoderScope.length())
                            : encoderPrefix;
                    return new Detected(naming, encoderPrefix, rootPrefix);
                }
            }
        }
        throw new CheckpointException(source, "has no BERT word-embedding table (a tensor named ..."
                + GOOGLE_TF.wordTableSuffix + " or ..." + HUGGING_FACE.wordTableSuffix + "): not a BERT checkpoint");
    }

    /** Google's TF1 name of one of our (HuggingFace) parameter names, relative to the checkpoint scope. */
    static SourceName googleName(String parameter) {
        switch (parameter) {
            case "cls.predictions.bias":
                return new SourceName("cls/predictions/output_bias", false);
            case "classifier.weight":
                return new SourceName("output_weights", false);
            case "classifier.bias":
                return new SourceName("output_bias", false);
            case "qa_outputs.weight":
                return new SourceName("cls/squad/output_weights", false);
            case "qa_outputs.bias":
                return new SourceName("cls/squad/output_bias", false);
            default:
                break;
        }
        Matcher layer = LAYER.matcher(parameter);
        String path = layer.replaceAll(".layer_$1.");
        if (path.startsWith("bert.")) {
            path = path.substring("bert.".length());
        }
        int leafAt = path.lastIndexOf('.');
        String module = path.substring(0, leafAt);
        String leaf = path.substring(leafAt + 1);
        String scope = module.replace('.', '/');
        if (module.endsWith("LayerNorm")) {
            return new SourceName(scope + "/" + (leaf.equals("weight") ? "gamma" : "beta"), false);
        }
        if (module.endsWith("_embeddings")) {
            return new SourceName(scope, false);
        }
        boolean kernel = leaf.equals("weight");
        return new SourceName(scope + "/" + (kernel ? "kernel" : leaf), kernel);
    }

    /**
     * The name HuggingFace gives one of our parameters in a model of {@code config}'s type, as a
     * checkpoint is written: ours for BERT, DistilBERT's own ({@code distilbert.transformer...},
     * {@code pre_classifier}, {@code vocab_transform}, ...) for DistilBERT.
     */
    static String huggingFaceName(BertConfig config, String parameter) {
        if (!config.isDistilBert()) {
            return parameter;
        }
        return (DISTILBERT.inEncoderScope(parameter) ? DISTILBERT.encoderScope : "") + distilBertName(parameter);
    }

    /**
     * DistilBERT's name of one of our (HuggingFace BERT) parameter names, relative to its scope:
     * the encoder's for {@code bert.*} but the pooler, the root for the heads.
     */
    static String distilBertName(String parameter) {
        String relative = parameter.startsWith("bert.") ? parameter.substring("bert.".length()) : parameter;
        Matcher layer = BERT_LAYER.matcher(relative);
        if (layer.matches()) {
            String rest = layer.group(2);
            for (String[] module : DISTILBERT_LAYER_MODULES) {
                if (rest.startsWith(module[0])) {
                    return "transformer.layer." + layer.group(1) + "." + module[1] + rest.substring(module[0].length());
                }
            }
            throw new IllegalArgumentException("no DistilBERT name for layer parameter " + parameter);
        }
        for (String[] module : DISTILBERT_MODULES) {
            if (relative.startsWith(module[0])) {
                return module[1] + relative.substring(module[0].length());
            }
        }
        return relative;
    }

    /** Our module paths inside {@code encoder.layer.N} and DistilBERT's inside {@code transformer.layer.N}. */
    private static final String[][] DISTILBERT_LAYER_MODULES = {
        {"attention.self.query.", "attention.q_lin."},
        {"attention.self.key.", "attention.k_lin."},
        {"attention.self.value.", "attention.v_lin."},
        {"attention.output.dense.", "attention.out_lin."},
        {"attention.output.LayerNorm.", "sa_layer_norm."},
        {"intermediate.dense.", "ffn.lin1."},
        {"output.dense.", "ffn.lin2."},
        {"output.LayerNorm.", "output_layer_norm."},
    };

    /** Our other modules (relative to {@code bert.} for the encoder's) and DistilBERT's; the rest keep their names. */
    private static final String[][] DISTILBERT_MODULES = {
        {"pooler.dense.", "pre_classifier."},
        {"cls.predictions.transform.dense.", "vocab_transform."},
        {"cls.predictions.transform.LayerNorm.", "vocab_layer_norm."},
        {"cls.predictions.bias", "vocab_projector.bias"},
    };
}
