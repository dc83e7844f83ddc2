/**
 * Models on disk: the project's checkpoints ({@link ftenergy.model.checkpoint.Checkpoint}, a
 * HuggingFace model directory), any HuggingFace BERT or DistilBERT directory, Google's TF1
 * tensor bundles and TF Hub modules, all mapped onto {@link ftenergy.model.BertModel}'s parameters.
 */
package ftenergy.model.checkpoint;
