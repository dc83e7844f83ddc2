package ftenergy.predict;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ftenergy.data.Batch;
import ftenergy.data.TaskType;
import ftenergy.model.BertModel;
import ftenergy.model.ModelInput;
import java.util.ArrayList;
import java.util.List;

/**
 * The forward pass of a fine-tuned head in inference mode and the decoding of its logits into
 * {@link HeadOutput}s. The one place predictions are made: training evaluations, sweep
 * inference runs and the Spark inference transformer all predict through it.
 *
 * <ul>
 *   <li>sequence classification: arg-max class of the [CLS] logits and its softmax probability;
 *   <li>token classification: arg-max tag of every real token;
 *   <li>span QA: the best span of at most {@code maxAnswerTokens} inside the context (type id 1,
 *       or anywhere but [CLS]/[SEP] for a single text), its score and [CLS]'s ({@link SpanSearch});
 *       whether "no answer" wins is for the task's rule to say, over all of a question's windows.
 * </ul>
 */
public final class HeadDecoder {

    private final BertModel model;
    private final int maxAnswerTokens;

    /**
     * @param model a model with a sequence-classification, token-classification or span-QA head
     * @param maxAnswerTokens longest answer span considered (span QA only)
     * @throws IllegalArgumentException for a masked-LM head, which predicts no labels
     */
    public HeadDecoder(BertModel model, int maxAnswerTokens) {
        if (model.head().type() == TaskType.MASKED_LM) {
            throw new IllegalArgumentException("a masked-LM head predicts no labels; inference needs a fine-tuned model");
        }
        if (maxAnswerTokens < 1) {
            throw new IllegalArgumentException("max answer tokens must be >= 1, was " + maxAnswerTokens);
        }
        this.model = model;
        this.maxAnswerTokens = maxAnswerTokens;
    }

    /** Predicts one batch, one output per example in order; arrays go to {@code manager}, which the caller closes. */
    public List<HeadOutput> decode(ParameterStore store, Batch batch, NDManager manager) {
        ModelInput input = ModelInput.of(batch, manager);
        NDArray sequence = model.encode(store, input, false);
        return switch (model.head().type()) {
            case SEQUENCE_CLASSIFICATION -> sequences(model.sequenceLogits(store, sequence, false));
            case TOKEN_CLASSIFICATION -> tokens(batch, model.tokenLogits(store, sequence, false));
            case SPAN_QA -> spans(batch, model.spanLogits(store, sequence, input.attentionMask(), false));
            case MASKED_LM -> throw new IllegalStateException("checked in the constructor");
        };
    }

    private static List<HeadOutput> sequences(NDArray logits) {
        long[] labels = logits.argMax(1).toLongArray();
        float[] probabilities = logits.softmax(1).toFloatArray();
        int classes = (int) logits.getShape().get(1);
        List<HeadOutput> out = new ArrayList<>(labels.length);
        for (int row = 0; row < labels.length; row++) {
            out.add(HeadOutput.sequence((int) labels[row], probabilities[row * classes + (int) labels[row]]));
        }
        return out;
    }

    private static List<HeadOutput> tokens(Batch batch, NDArray logits) {
        long[] predicted = logits.argMax(2).toLongArray();
        List<HeadOutput> out = new ArrayList<>(batch.size());
        for (int row = 0; row < batch.size(); row++) {
            int[] tags = new int[batch.examples().get(row).length()];
            for (int col = 0; col < tags.length; col++) {
                tags[col] = (int) predicted[row * batch.seqLen() + col];
            }
            out.add(HeadOutput.tokens(tags));
        }
        return out;
    }

    private List<HeadOutput> spans(Batch batch, NDList startEnd) {
        float[] start = startEnd.get(0).toFloatArray();
        float[] end = startEnd.get(1).toFloatArray();
        List<HeadOutput> out = new ArrayList<>(batch.size());
        for (int row = 0; row < batch.size(); row++) {
            out.add(SpanSearch.best(batch.examples().get(row), start, end, row * batch.seqLen(), maxAnswerTokens));
        }
        return out;
    }
}
