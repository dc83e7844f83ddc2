package ftenergy.prepare;

import java.nio.file.Path;

/**
 * What the prepare job leaves for runs: the tokenizer all examples were encoded with.
 *
 * @param tokenizerFile its tokenizer.json (on a path every executor can read)
 * @param vocabSize vocabulary size
 * @param sepId id of [SEP]
 * @param tokenizerHash hash stored with every example it encoded
 * @param maxSeqLen length the examples were truncated to at preparation
 */
public record PreparedData(Path tokenizerFile, int vocabSize, int sepId, String tokenizerHash, int maxSeqLen) {}
