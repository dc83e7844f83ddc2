package ftenergy.model;

import ftenergy.text.TokenizerFile;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ftenergy.data.TaskType;
import ftenergy.model.NoGrad;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model on disk, laid out as a HuggingFace model directory so either side can read the other's:
 * <ul>
 *   <li>{@code config.json}: {@link BertConfig}'s keys, {@code architectures} (the head),
 *       {@code id2label}, and an {@code ftenergy} object (model name, special token ids, tokenizer file);
 *   <li>{@code model.safetensors}: every parameter under its HuggingFace name
 *       ({@link BertModel#namedParameters()}), float32;
 *   <li>the tokenizer file ({@code tokenizer.json} or {@code vocab.txt}) it was trained with, if any.
 * </ul>
 * {@code config.json} is written last, so a directory with one holds a complete checkpoint.
 * Pre-training writes one, distillation reads it as the teacher and writes the student, fine-tuning
 * reads either and puts a fresh task head on the encoder.
 */
public final class Checkpoint {

    /** The config file name. */
    public static final String CONFIG_FILE = "config.json";
    /** The weights file name. */
    public static final String WEIGHTS_FILE = "model.safetensors";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Checkpoint() {}

    /**
     * Writes {@code model} into {@code dir} (created if needed; files of an older checkpoint there
     * are replaced).
     *
     * @param tokenizerFile the vocabulary the model reads, copied beside it; may be {@code null}
     */
    public static void save(Path dir, BertModel model, String modelName, SpecialTokens specialTokens,
            Path tokenizerFile) {
        try {
            Files.createDirectories(dir);
            writeWeights(dir.resolve(WEIGHTS_FILE), model);
            String tokenizerName = null;
            if (tokenizerFile != null) {
                tokenizerName = tokenizerFile.getFileName().toString();
                replace(dir.resolve(tokenizerName), out -> Files.copy(tokenizerFile, out));
            }
            ObjectNode config = configJson(model, modelName, specialTokens, tokenizerName);
            replace(dir.resolve(CONFIG_FILE), out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, config));
        } catch (IOException e) {
            throw new ModelException(dir, "cannot write checkpoint", e);
        }
    }

    private static void writeWeights(Path file, BertModel model) throws IOException {
        try (NDManager host = NDManager.newBaseManager(Device.cpu())) {
            NDList named = new NDList();
            for (Map.Entry<String, Parameter> entry : model.namedParameters().entrySet()) {
                NDArray copy = entry.getValue().getArray().toDevice(Device.cpu(), true);
                copy.attach(host);
                copy.setName(entry.getKey());
                named.add(copy);
            }
            replace(file, out -> named.encode(out, NDList.Encoding.SAFETENSORS));
        }
    }

    private static ObjectNode configJson(BertModel model, String modelName, SpecialTokens specialTokens,
            String tokenizerName) {
        ObjectNode config = JSON.valueToTree(model.config());
        config.put("model_type", "bert");
        config.put("pad_token_id", specialTokens.pad());
        config.putArray("architectures").add(model.head().huggingFaceArchitecture());
        if (!model.head().labels().isEmpty()) {
            ObjectNode id2label = config.putObject("id2label");
            List<String> labels = model.head().labels();
            for (int i = 0; i < labels.size(); i++) {
                id2label.put(Integer.toString(i), labels.get(i));
            }
        }
        ObjectNode ours = config.putObject("ftenergy");
        ours.put("model_name", modelName);
        ours.put("head", model.head().type().name());
        ours.set("special_tokens", JSON.valueToTree(specialTokens));
        if (tokenizerName != null) {
            ours.put("tokenizer_file", tokenizerName);
        }
        return config;
    }

    /** Reads {@code config.json}: shape, head, special tokens; also reads HuggingFace BERT configs. */
    public static CheckpointInfo readInfo(Path dir) {
        Path file = dir.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(file)) {
            throw new ModelException(dir, "not a checkpoint: no " + CONFIG_FILE
                    + " (an interrupted save, or the run that writes it has not finished)");
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            BertConfig config = JSON.treeToValue(root, BertConfig.class);
            JsonNode ours = root.path("ftenergy");
            String modelName = ours.path("model_name").asText(dir.getFileName().toString());
            String tokenizerName = ours.hasNonNull("tokenizer_file") ? ours.get("tokenizer_file").asText()
                    : findTokenizerName(dir);
            SpecialTokens specials;
            if (ours.has("special_tokens")) {
                specials = JSON.treeToValue(ours.get("special_tokens"), SpecialTokens.class);
            } else if (tokenizerName != null) {
                specials = SpecialTokens.of(TokenizerFile.vocabulary(dir.resolve(tokenizerName)));
            } else {
                specials = SpecialTokens.BERT;
            }
            return new CheckpointInfo(modelName, config, readHead(root), specials, tokenizerName);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelException(file, "malformed checkpoint config: " + e.getMessage(), e);
        }
    }

    private static TaskHead readHead(JsonNode root) {
        JsonNode architectures = root.path("architectures");
        TaskType type = architectures.size() == 0 ? null : TaskHead.typeOfArchitecture(architectures.get(0).asText());
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

    private static String findTokenizerName(Path dir) {
        for (String name : new String[] {"tokenizer.json", "vocab.txt"}) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return name;
            }
        }
        return null;
    }

    /** The tokenizer file stored in a checkpoint, or {@code null} if it has none. */
    public static Path tokenizerFile(Path dir) {
        String name = readInfo(dir).tokenizerFileName();
        return name == null ? null : dir.resolve(name);
    }

    /**
     * Builds a model from a checkpoint on {@code manager}'s device.
     *
     * @param head the head wanted; {@code null} for the stored one. The stored head's weights are
     *     loaded only when it is the same head (type and labels); otherwise the head starts fresh,
     *     as when fine-tuning from a pre-trained checkpoint.
     */
    public static LoadedModel load(Path dir, NDManager manager, TaskHead head) {
        CheckpointInfo info = readInfo(dir);
        TaskHead wanted = head != null ? head : info.head();
        if (wanted == null) {
            throw new ModelException(dir, "checkpoint stores no task head; the caller must choose one");
        }
        BertModel model = BertModel.create(info.config(), wanted).initialize(manager);
        Path weights = dir.resolve(WEIGHTS_FILE);
        try (NDManager host = NDManager.newBaseManager(Device.cpu());
                InputStream in = Files.newInputStream(weights)) {
            NDList tensors = NDList.decode(host, in);
            LoadReport report = copyInto(model, tensors, weights, wanted.equals(info.head()));
            return new LoadedModel(model, info, report);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelException(weights, "cannot read weights: " + e.getMessage(), e);
        }
    }

    /**
     * Copies named tensors into an initialised model, matching by HuggingFace name (also without
     * the {@code bert.} prefix of a bare {@code BertModel}, and with LayerNorm's older
     * {@code gamma}/{@code beta} names).
     *
     * <p>Every encoder tensor must be present with the model's shape; the pooler and the head may
     * be absent (they stay fresh). A shape mismatch anywhere fails, naming tensor and shapes.
     *
     * @param source the file the tensors came from, for messages
     * @param withHead whether head tensors are taken; {@code false} leaves the head fresh and lists
     *     stored head tensors as unused
     */
    public static LoadReport copyInto(BertModel model, NDList tensors, Path source, boolean withHead) {
        Map<String, NDArray> byName = new HashMap<>();
        for (NDArray tensor : tensors) {
            byName.put(tensor.getName(), tensor);
        }
        Set<String> unused = new LinkedHashSet<>(byName.keySet());
        List<String> loaded = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        List<String> missingEncoder = new ArrayList<>();
        NoGrad.run(() -> copyMatching(model, byName, withHead, source, unused, loaded, fresh, missingEncoder));
        if (!missingEncoder.isEmpty()) {
            throw new ModelException(source, missingEncoder.size() + " encoder tensors missing for model "
                    + model.config().describe() + ", first: " + missingEncoder.get(0));
        }
        return new LoadReport(loaded, fresh, new ArrayList<>(unused));
    }

    private static void copyMatching(BertModel model, Map<String, NDArray> byName, boolean withHead, Path source,
            Set<String> unused, List<String> loaded, List<String> fresh, List<String> missingEncoder) {
        for (Map.Entry<String, Parameter> entry : model.namedParameters().entrySet()) {
            String name = entry.getKey();
            boolean head = !name.startsWith("bert.");
            String found = head && !withHead ? null : findAlias(name, byName);
            if (found == null) {
                if (head || name.startsWith("bert.pooler.")) {
                    fresh.add(name);
                } else {
                    missingEncoder.add(name);
                }
                continue;
            }
            NDArray target = entry.getValue().getArray();
            NDArray value = byName.get(found);
            if (!value.getShape().equals(target.getShape())) {
                throw new ModelException(source, "tensor " + found + " has shape " + value.getShape() + " but "
                        + name + " of model " + model.config().describe() + " has " + target.getShape());
            }
            // In-place through torch, so the parameter keeps its own storage on its own device.
            target.subi(target).addi(value.toType(DataType.FLOAT32, false).toDevice(target.getDevice(), false));
            unused.remove(found);
            loaded.add(name);
        }
    }

    private static String findAlias(String name, Map<String, NDArray> byName) {
        List<String> candidates = new ArrayList<>();
        candidates.add(name);
        if (name.startsWith("bert.")) {
            candidates.add(name.substring(5));
        }
        if (name.equals("cls.predictions.bias")) {
            candidates.add("cls.predictions.decoder.bias");
        }
        for (String candidate : List.copyOf(candidates)) {
            if (candidate.contains("LayerNorm.")) {
                candidates.add(candidate.replace("LayerNorm.weight", "LayerNorm.gamma")
                        .replace("LayerNorm.bias", "LayerNorm.beta"));
            }
        }
        for (String candidate : candidates) {
            if (byName.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Writes beside the target and renames, so a reader never sees half a file. */
    private static void replace(Path target, Writer writer) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(partial))) {
            writer.write(out);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
