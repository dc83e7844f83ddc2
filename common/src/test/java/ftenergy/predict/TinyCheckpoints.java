package ftenergy.predict;

import ai.djl.ndarray.NDManager;
import ftenergy.model.BertConfig;
import ftenergy.model.BertModel;
import ftenergy.model.checkpoint.Checkpoint;
import ftenergy.model.SpecialTokens;
import ftenergy.model.TaskHead;
import ftenergy.text.TokenizerFile;
import ftenergy.text.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Checkpoints as a fine-tune run leaves them (weights, head, tokenizer), small and untrained, for inference tests. */
public final class TinyCheckpoints {

    /** The words the tokenizer knows; anything else is [UNK]. */
    public static final List<String> WORDS = List.of("the", "film", "was", "good", "bad", "a", "cast", "and", "plot",
            "in", "long", "who", "?", "tower", "stands", "there");

    private TinyCheckpoints() {}

    /** Writes a seeded, untrained 1-layer model with {@code head} and its tokenizer to {@code dir/name}. */
    public static Path write(Path dir, String name, TaskHead head) throws IOException {
        List<String> tokens = new java.util.ArrayList<>(Vocabulary.SPECIALS);
        tokens.addAll(WORDS);
        Vocabulary vocabulary = new Vocabulary(tokens);
        Path tokenizer = dir.resolve(name + "-tokenizer").resolve("tokenizer.json");
        TokenizerFile.write(vocabulary, true, tokenizer);
        Path out = dir.resolve(name);
        try (NDManager manager = NDManager.newBaseManager()) {
            BertConfig config = new BertConfig(vocabulary.size(), 16, 1, 2, 32, 64, 2, 0.1f, 0.1f, 1e-12f, "gelu");
            BertModel model = BertModel.create(config, head).initialize(manager);
            Checkpoint.save(out, model, "bert-toy", SpecialTokens.of(vocabulary), tokenizer);
        }
        return out;
    }
}
