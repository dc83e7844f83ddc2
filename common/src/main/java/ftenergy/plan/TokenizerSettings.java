package ftenergy.plan;

import ftenergy.config.ConfigReader;

/**
 * The tokenizer a sweep's examples are encoded with, under {@code ftenergy.sweep.tokenizer}.
 *
 * @param vocabSize WordPiece vocabulary size to train
 * @param lowercase lower-case text before tokenizing
 * @param vocabFile an existing BERT {@code vocab.txt} or HuggingFace {@code tokenizer.json} to use
 *     instead of training one, or {@code null}
 */
public record TokenizerSettings(int vocabSize, boolean lowercase, String vocabFile) {

    /** Reads {@code ftenergy.sweep.tokenizer}; problems are collected in {@code in}. */
    static TokenizerSettings read(ConfigReader in, String prefix) {
        return new TokenizerSettings(in.positiveInt(prefix + "vocab-size"), in.bool(prefix + "lowercase"),
                in.optionalString(prefix + "vocab-file"));
    }
}
