/**
 * Reads BERT weights from other frameworks' checkpoints (Google's TF1 tensor bundles, HuggingFace
 * safetensors) and maps them onto {@link ftenergy.model.BertModel}'s parameters.
 */
package ftenergy.model.checkpoint;
