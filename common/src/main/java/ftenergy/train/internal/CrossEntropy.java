package ftenergy.train.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Softmax cross-entropy against integer labels, the loss of every head. */
public final class CrossEntropy {

    private CrossEntropy() {}

    /**
     * Mean over rows of {@code -log softmax(logits)[label]}.
     *
     * @param logits {@code (N, C)}
     * @param labels int64 {@code (N)}, each in {@code [0, C)}, on the logits' device
     */
    public static NDArray mean(NDArray logits, NDArray labels) {
        NDArray logProbabilities = logits.logSoftmax(1);
        NDArray picked = logProbabilities.gather(labels.reshape(new Shape(labels.size(), 1)), 1);
        return picked.mean().neg();
    }
}
