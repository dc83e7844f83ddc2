package ftenergy.model.checkpoint;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ftenergy.model.BertConfig;
import ftenergy.model.BertModel;
import ftenergy.model.LoadReport;
import ftenergy.model.ModelException;
import ftenergy.model.SpecialTokens;
import ftenergy.model.TaskHead;
import ftenergy.text.TokenizerFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * A model on disk, laid out as a HuggingFace model directory so either side can read the other's:
 * <ul>
 *   <li>{@code config.json}: HuggingFace's keys for the model's type ({@link HuggingFaceConfig}),
 *       {@code architectures} (the head), {@code id2label}, and an {@code ftenergy} object (model
 *       name, special token ids, tokenizer file);
 *   <li>{@code model.safetensors}: every parameter under its HuggingFace name (BERT's, or
 *       DistilBERT's own for a DistilBERT), float32;
 *   <li>the tokenizer file ({@code tokenizer.json} or {@code vocab.txt}) it was trained with, if any.
 * </ul>
 * {@code config.json} is written last, so a directory with one holds a complete checkpoint.
 * Pre-training writes one, distillation reads it as the teacher and writes the student, fine-tuning
 * reads either and puts a fresh task head on the encoder. Any HuggingFace BERT or DistilBERT
 * directory with {@code config.json}, {@code model.safetensors} and a {@code vocab.txt} or
 * {@code tokenizer.json} reads the same way.
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

    /** Every parameter under HuggingFace's name for the model's type. */
    private static void writeWeights(Path file, BertModel model) throws IOException {
        BertConfig config = model.config();
        try (NDManager host = NDManager.newBaseManager(Device.cpu())) {
            NDList named = new NDList();
            for (Map.Entry<String, Parameter> entry : model.namedParameters().entrySet()) {
                NDArray copy = entry.getValue().getArray().toDevice(Device.cpu(), true);
                copy.attach(host);
                copy.setName(CheckpointNaming.huggingFaceName(config, entry.getKey()));
                named.add(copy);
            }
            replace(file, out -> named.encode(out, NDList.Encoding.SAFETENSORS));
        }
    }

    private static ObjectNode configJson(BertModel model, String modelName, SpecialTokens specialTokens,
            String tokenizerName) {
        ObjectNode config = HuggingFaceConfig.of(model);
        config.put("pad_token_id", specialTokens.pad());
        ObjectNode ours = config.putObject("ftenergy");
        ours.put("model_name", modelName);
        ours.put("head", model.head().type().name());
        ours.set("special_tokens", JSON.valueToTree(specialTokens));
        if (tokenizerName != null) {
            ours.put("tokenizer_file", tokenizerName);
        }
        return config;
    }

    /** Reads {@code config.json}: shape, head, special tokens; also reads HuggingFace BERT and DistilBERT configs. */
    public static CheckpointInfo readInfo(Path dir) {
        Path file = dir.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(file)) {
            throw new ModelException(dir, "not a checkpoint: no " + CONFIG_FILE
                    + " (an interrupted save, or the run that writes it has not finished)");
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            BertConfig config = HuggingFaceConfig.shape(root);
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
            return new CheckpointInfo(modelName, config, HuggingFaceConfig.head(root), specials, tokenizerName);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelException(file, "malformed checkpoint config: " + e.getMessage(), e);
        }
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
     * Builds a model from a checkpoint on {@code manager}'s device, through
     * {@link BertWeightImport#loadSafetensors}: every encoder tensor must be there with the config's
     * shape.
     *
     * @param head the head wanted; {@code null} for the stored one. The stored head's weights are
     *     loaded only when it is the same head (type and labels); otherwise the head starts fresh,
     *     as when fine-tuning from a pre-trained checkpoint.
     * @throws ModelException naming the directory when it has no head to use, or no
     *     {@code model.safetensors} (with how to make one from {@code pytorch_model.bin})
     * @throws CheckpointException when the weights do not fit the config
     */
    public static LoadedModel load(Path dir, NDManager manager, TaskHead head) {
        CheckpointInfo info = readInfo(dir);
        TaskHead wanted = head != null ? head : info.head();
        if (wanted == null) {
            throw new ModelException(dir, "checkpoint stores no task head; the caller must choose one");
        }
        Path weights = weightsFile(dir);
        BertModel model = BertModel.create(info.config(), wanted).initialize(manager);
        ImportScope scope = wanted.equals(info.head()) ? ImportScope.ENCODER_AND_HEAD : ImportScope.ENCODER;
        LoadReport report = BertWeightImport.loadSafetensors(model, weights, scope);
        return new LoadedModel(model, info, report);
    }

    /** {@code model.safetensors}, or a failure saying what the directory has instead and what to do. */
    private static Path weightsFile(Path dir) {
        Path weights = dir.resolve(WEIGHTS_FILE);
        if (Files.isRegularFile(weights)) {
            return weights;
        }
        if (Files.isRegularFile(dir.resolve("model.safetensors.index.json"))) {
            throw new ModelException(dir, "holds a sharded checkpoint (model.safetensors.index.json); ftenergy reads one "
                    + WEIGHTS_FILE + ": save it again with save_pretrained(..., max_shard_size=\"10GB\")");
        }
        if (Files.isRegularFile(dir.resolve("pytorch_model.bin"))) {
            String path = dir.toAbsolutePath().toString().replace("'", "\\'");
            throw new ModelException(dir, "has pytorch_model.bin but no " + WEIGHTS_FILE + "; ftenergy reads safetensors"
                    + " only. Convert it once, in place, with Python's transformers (pip install transformers torch):\n"
                    + "  python3 -c \"import transformers as t; d = '" + path + "'; c = t.AutoConfig.from_pretrained(d); "
                    + "getattr(t, (c.architectures or ['AutoModel'])[0]).from_pretrained(d)"
                    + ".save_pretrained(d, safe_serialization=True)\"");
        }
        throw new ModelException(dir, "has no " + WEIGHTS_FILE);
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
