/** WordPiece tokenizers: training, HuggingFace {@code tokenizer.json} files, DJL loading, label and span alignment. */
package ftenergy.text;
