package ftenergy.model.checkpoint;

import ftenergy.model.BertConfig;
import ftenergy.model.SpecialTokens;
import ftenergy.model.TaskHead;

/**
 * What a checkpoint's {@code config.json} says about it.
 *
 * @param modelName readable model name ({@code bert-tiny}, {@code distil-bert-tiny}, ...)
 * @param config encoder shape
 * @param head the stored head, or {@code null} for an encoder-only checkpoint
 * @param specialTokens ids of [PAD], [UNK], [CLS], [SEP], [MASK] in the checkpoint's vocabulary
 * @param tokenizerFileName name of the tokenizer file stored beside the weights, or {@code null}
 */
public record CheckpointInfo(
        String modelName, BertConfig config, TaskHead head, SpecialTokens specialTokens, String tokenizerFileName) {}
