package ftenergy.data;

import ftenergy.text.TokenizerFile;
import ftenergy.text.Vocabulary;
import ftenergy.text.WordPieceConfig;
import ftenergy.text.WordPieceTrainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The WordPiece tokenizer trained on the {@link PretrainingCorpus}, cached in the data directory
 * as {@code tokenizers/wordpiece-<size>-<uncased|cased>/} with {@code tokenizer.json} and
 * {@code vocab.txt}. Training is deterministic, so a cached folder is reused as is.
 */
public final class CorpusTokenizer {

    private CorpusTokenizer() {}

    /**
     * The tokenizer.json for this configuration, training it first if absent (about a minute on
     * two cores for 30k tokens).
     */
    public static Path ensure(CorpusStore store, WordPieceConfig config) {
        Path dir = store.dataDir().resolve("tokenizers")
                .resolve("wordpiece-" + config.vocabSize() + (config.lowercase() ? "-uncased" : "-cased")
                        + (config.minPairFrequency() == 2 && config.maxAlphabet() == 1000 ? ""
                        : "-f" + config.minPairFrequency() + "-a" + config.maxAlphabet()));
        Path json = dir.resolve("tokenizer.json");
        if (Files.isRegularFile(json)) {
            return json;
        }
        WordPieceTrainer trainer = new WordPieceTrainer(config);
        for (PretrainingCorpus.Document d : PretrainingCorpus.documents(store)) {
            trainer.add(d.text());
        }
        Vocabulary vocabulary = trainer.train();
        try {
            Files.createDirectories(dir.getParent());
            Path scratch = Files.createTempDirectory(dir.getParent(), ".train-");
            TokenizerFile.write(vocabulary, config.lowercase(), scratch.resolve("tokenizer.json"));
            vocabulary.writeVocabTxt(scratch.resolve("vocab.txt"));
            try {
                Files.move(scratch, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // A concurrent training finished first; training is deterministic, so keep its copy.
                Files.deleteIfExists(scratch.resolve("tokenizer.json"));
                Files.deleteIfExists(scratch.resolve("vocab.txt"));
                Files.deleteIfExists(scratch);
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write tokenizer into " + dir, e);
        }
    }
}
