package ftenergy.model.checkpoint;

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
 * and, in old files, with LayerNorm's {@code gamma}/{@code beta}. Either may sit under an extra
 * scope (TF Hub modules put everything under {@code module/}), found from where the word table is.
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
            String prefix = parameter.startsWith("bert.") ? encoderPrefix : rootPrefix;
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
            return !encoderPrefix.isEmpty() || !(relative.startsWith("cls.") || relative.startsWith("classifier.")
                    || relative.startsWith("qa_outputs."));
        }
    }

    /** Checkpoint names for one parameter, relative to the checkpoint's scope. */
    abstract List<SourceName> candidates(String parameter);

    /** Training state and heads we never model (optimizer slots, step counters, next-sentence head). */
    abstract boolean isBookkeeping(String name);

    /**
     * Recognises a checkpoint's naming by its word-embedding table.
     *
     * @throws CheckpointException when no tensor looks like BERT's word embeddings
     */
    static Detected detect(Path source, Collection<String> names) {
        for (CheckpointNaming naming : values()) {
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
}
