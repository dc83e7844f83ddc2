package ftenergy.model.checkpoint;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ftenergy.model.BertConfig;
import ftenergy.model.BertModel;
import ftenergy.model.LoadReport;
import ftenergy.model.checkpoint.CheckpointNaming.Detected;
import ftenergy.model.checkpoint.CheckpointNaming.SourceName;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies BERT weights from a Google TF1 or a HuggingFace (BERT or DistilBERT) checkpoint into a
 * {@link BertModel}.
 *
 * <p>The whole mapping is checked before any parameter is written: every parameter the
 * {@link ImportScope} requires must be found (Google names translated, TF kernels transposed from
 * {@code (in, out)} to PyTorch's {@code (out, in)}), with the model's shape, and no encoder tensor of
 * the checkpoint may be left over (a checkpoint with more layers is as wrong as one with fewer).
 * Otherwise a {@link CheckpointMismatchException} lists the missing, unexpected and mis-shaped
 * tensors and the model is untouched. Training bookkeeping (optimizer slots, step counters), the
 * next-sentence head and the tied masked-LM decoder copy are skipped.
 *
 * <p>Example: {@code BertWeightImport.load(model, TensorBundleReader.read(prefix), prefix, ImportScope.ENCODER_AND_HEAD)}.
 */
public final class BertWeightImport {

    private static final Pattern LAYER_INDEX = Pattern.compile("layer[._](\\d+)[./]");

    private BertWeightImport() {
    }

    /**
     * Reads a Google TF1 checkpoint ({@code prefix.index} + data shards) into {@code model}.
     *
     * @see #load(BertModel, Map, Path, ImportScope)
     */
    public static LoadReport loadTensorBundle(BertModel model, Path prefix, ImportScope scope) {
        return load(model, TensorBundleReader.read(prefix), prefix, scope);
    }

    /**
     * Reads a HuggingFace {@code .safetensors} checkpoint into {@code model}.
     *
     * @see #load(BertModel, Map, Path, ImportScope)
     */
    public static LoadReport loadSafetensors(BertModel model, Path file, ImportScope scope) {
        return load(model, Safetensors.read(file), file, scope);
    }

    /**
     * Copies {@code tensors} into the initialised {@code model}'s parameters, on whatever device they live.
     *
     * @param source the checkpoint, for messages
     * @return which parameters were loaded, which stay fresh (head, absent pooler), which checkpoint tensors were skipped
     * @throws CheckpointMismatchException when the checkpoint does not fit (the model is then unchanged)
     * @throws CheckpointException when the checkpoint is not BERT or a tensor cannot be read
     */
    public static LoadReport load(BertModel model, Map<String, TensorData> tensors, Path source, ImportScope scope) {
        Detected naming = CheckpointNaming.detect(source, tensors.keySet());
        Set<String> unused = new LinkedHashSet<>(tensors.keySet());
        List<Runnable> copies = new ArrayList<>();
        List<String> loaded = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> misShaped = new ArrayList<>();
        boolean withHead = scope == ImportScope.ENCODER_AND_HEAD;
        for (Map.Entry<String, Parameter> entry : model.namedParameters().entrySet()) {
            String name = entry.getKey();
            Parameter parameter = entry.getValue();
            // DistilBERT keeps our pooler as its sequence head's pre_classifier: a head tensor there.
            boolean head = !naming.inEncoderScope(name);
            boolean pooler = name.startsWith("bert.pooler.");
            if (head && !withHead) {
                fresh.add(name);
                continue;
            }
            List<SourceName> candidates = naming.candidates(name);
            SourceName found = candidates.stream().filter(c -> tensors.containsKey(c.name())).findFirst().orElse(null);
            if (found == null) {
                boolean required = pooler ? withHead && model.head().usesPooler() : true;
                if (required) {
                    missing.add(name + " (" + candidates.get(0).name() + ")");
                } else {
                    fresh.add(name);
                }
                continue;
            }
            unused.remove(found.name());
            TensorData tensor = tensors.get(found.name());
            Shape wanted = parameter.getArray().getShape();
            Shape stored = found.transposed() ? transposed(tensor.shape()) : tensor.shape();
            if (!stored.equals(wanted)) {
                misShaped.add(found.name() + ": checkpoint " + tensor.shape() + (found.transposed() ? " transposed" : "")
                        + " vs model " + name + " " + wanted);
            } else if (!isFloat(tensor.dataType())) {
                misShaped.add(found.name() + ": checkpoint holds " + tensor.dataType() + ", not floating-point");
            } else {
                loaded.add(name);
                copies.add(() -> parameter.getArray().set(found.transposed() ? transpose(tensor) : tensor.floats()));
            }
        }
        List<String> unexpected = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String name : unused) {
            (naming.isEncoder(name) ? unexpected : skipped).add(name);
        }
        if (!missing.isEmpty() || !unexpected.isEmpty() || !misShaped.isEmpty()) {
            throw new CheckpointMismatchException(source, model.config().describe(), missing, unexpected, misShaped);
        }
        // DJL's set copies into fresh native memory, never aliasing the read-only mapped file.
        copies.forEach(Runnable::run);
        return new LoadReport(loaded, fresh, skipped);
    }

    /**
     * The shape of the encoder a checkpoint holds (vocabulary, width, depth, feed-forward width,
     * positions, segments), with BERT's dropout and epsilon. Attention heads cannot be read from
     * weights: BERT uses one per 64 hidden units.
     *
     * @param attentionHeads heads per layer (12 for BERT-base)
     */
    public static BertConfig inferConfig(Map<String, TensorData> tensors, Path source, int attentionHeads) {
        Detected naming = CheckpointNaming.detect(source, tensors.keySet());
        Shape words = shapeOf(tensors, naming, source, "bert.embeddings.word_embeddings.weight");
        Shape positions = shapeOf(tensors, naming, source, "bert.embeddings.position_embeddings.weight");
        Shape types = shapeOf(tensors, naming, source, "bert.embeddings.token_type_embeddings.weight");
        Shape intermediate = shapeOf(tensors, naming, source, "bert.encoder.layer.0.intermediate.dense.bias");
        int layers = 0;
        for (String name : tensors.keySet()) {
            Matcher layer = LAYER_INDEX.matcher(name);
            if (name.startsWith(naming.encoderPrefix()) && layer.find()) {
                layers = Math.max(layers, Integer.parseInt(layer.group(1)) + 1);
            }
        }
        return new BertConfig((int) words.get(0), (int) words.get(1), layers, attentionHeads, (int) intermediate.get(0),
                (int) positions.get(0), (int) types.get(0), 0.1f, 0.1f, 1e-12f, "gelu");
    }

    private static Shape shapeOf(Map<String, TensorData> tensors, Detected naming, Path source, String parameter) {
        for (SourceName candidate : naming.candidates(parameter)) {
            TensorData tensor = tensors.get(candidate.name());
            if (tensor != null) {
                return tensor.shape();
            }
        }
        throw new CheckpointException(source, naming.candidates(parameter).get(0).name(), "is missing");
    }

    private static boolean isFloat(DataType type) {
        return type == DataType.FLOAT32 || type == DataType.FLOAT16 || type == DataType.BFLOAT16;
    }

    private static Shape transposed(Shape shape) {
        return shape.dimension() == 2 ? new Shape(shape.get(1), shape.get(0)) : shape;
    }

    /** A TF kernel {@code (in, out)} as PyTorch's {@code (out, in)}. */
    private static FloatBuffer transpose(TensorData kernel) {
        int rows = (int) kernel.shape().get(0);
        int columns = (int) kernel.shape().get(1);
        FloatBuffer in = kernel.floats();
        float[] out = new float[rows * columns];
        for (int r = 0; r < rows; r++) {
            int rowStart = r * columns;
            for (int c = 0; c < columns; c++) {
                out[c * rows + r] = in.get(rowStart + c);
            }
        }
        return FloatBuffer.wrap(out);
    }
}
