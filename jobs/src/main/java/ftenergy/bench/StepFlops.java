package ftenergy.bench;

import ftenergy.model.BertConfig;

/**
 * Matmul FLOPs of a BERT fine-tuning step, the numerator of model FLOPs utilisation.
 *
 * <p>Per layer, for {@code N = batch × seqLen} tokens, hidden {@code H}, feed-forward {@code I}
 * (one multiply-add = 2 FLOPs):
 * <pre>
 *   Q, K, V projections       2·N·H·3H  = 6·N·H²
 *   attention scores Q·Kᵀ     2·N·T·H            (all heads together)
 *   attention · V             2·N·T·H
 *   attention output dense    2·N·H²
 *   feed-forward in and out   2·N·H·I · 2 = 4·N·H·I
 *   layer forward             8·N·H² + 4·N·H·I + 4·N·T·H
 * </pre>
 * plus the pooler {@code 2·B·H²} and the classifier {@code 2·B·H·C}. Embedding lookups, softmax,
 * GELU, LayerNorm and dropout are not matmuls and are not counted. A training step is forward plus
 * backward, and backward costs two matmuls per forward matmul (gradients of the input and of the
 * weight): {@code step = 3 × forward}.
 */
public final class StepFlops {

    private StepFlops() {
    }

    /** Forward matmul FLOPs of a sequence classifier with {@code classes} outputs on a {@code batch × seqLen} batch. */
    public static double forward(BertConfig config, int batch, int seqLen, int classes) {
        double tokens = (double) batch * seqLen;
        double h = config.hiddenSize();
        double layer = 8 * tokens * h * h + 4 * tokens * h * config.intermediateSize() + 4 * tokens * seqLen * h;
        double pooler = 2.0 * batch * h * h;
        double classifier = 2.0 * batch * h * classes;
        return config.numHiddenLayers() * layer + pooler + classifier;
    }

    /** Matmul FLOPs of one fine-tuning step: {@code 3 × forward}. */
    public static double trainingStep(BertConfig config, int batch, int seqLen, int classes) {
        return 3 * forward(config, batch, seqLen, classes);
    }
}
