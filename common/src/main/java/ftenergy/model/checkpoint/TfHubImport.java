package ftenergy.model.checkpoint;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ftenergy.model.BertConfig;
import ftenergy.model.BertModel;
import ftenergy.model.LoadReport;
import ftenergy.model.ModelException;
import ftenergy.model.SpecialTokens;
import ftenergy.model.TaskHead;
import ftenergy.text.TokenizerFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Google's BERT as TF Hub publishes it ({@code variables/variables.*} and {@code assets/vocab.txt},
 * the layout the {@code bert-base} Maven profile fetches), converted into a {@link Checkpoint} that
 * sweeps start from ({@code ftenergy.sweep.teacher.checkpoint}). Attention heads cannot be read from
 * the weights; Google's BERTs all use one per 64 hidden units.
 */
public final class TfHubImport {

    private static final int HIDDEN_PER_HEAD = 64;

    private TfHubImport() {}

    /**
     * Converts the module in {@code module} into a checkpoint in {@code out} (with its masked-LM
     * head and its vocabulary).
     *
     * @param modelName the name the checkpoint records
     * @return which tensors were loaded, which stayed fresh and which the module had beyond the model
     */
    public static LoadReport convert(Path module, Path out, String modelName) {
        Path prefix = module.resolve("variables").resolve("variables");
        Path vocab = module.resolve("assets").resolve("vocab.txt");
        if (!Files.isRegularFile(Path.of(prefix + ".index")) || !Files.isRegularFile(vocab)) {
            throw new ModelException(module, "not a TF Hub BERT module: it needs variables/variables.index and assets/vocab.txt");
        }
        Map<String, TensorData> tensors = TensorBundleReader.read(prefix);
        int hidden = BertWeightImport.inferConfig(tensors, prefix, 1).hiddenSize();
        BertConfig config = BertWeightImport.inferConfig(tensors, prefix, Math.max(1, hidden / HIDDEN_PER_HEAD));
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            BertModel model = BertModel.create(config, TaskHead.maskedLm()).initialize(manager);
            LoadReport report = BertWeightImport.load(model, tensors, prefix, ImportScope.ENCODER_AND_HEAD);
            Checkpoint.save(out, model, modelName, SpecialTokens.of(TokenizerFile.vocabulary(vocab)), vocab);
            return report;
        }
    }
}
