/**
 * Inference over DataFrames: {@link ftenergy.inference.BertInference}, a Spark ML
 * {@code Transformer} that runs a fine-tuned checkpoint over a column of texts (or of token ids),
 * loading model and tokenizer once per partition, and meters itself, so the energy of inference
 * per example can be measured at any batch size over any table.
 */
package ftenergy.inference;
