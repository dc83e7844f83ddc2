package ftenergy.train.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ftenergy.data.Batch;
import ftenergy.data.Example;
import ftenergy.predict.HeadDecoder;
import ftenergy.predict.Scorer;
import ftenergy.model.BertModel;
import ftenergy.model.ModelInput;
import ftenergy.text.Vocabulary;

/**
 * Extractive QA: start and end token of the answer in the context (type id 1), or [CLS] at
 * position 0 for "no answer" (SQuAD v2). Predicts the best span of at most {@code maxAnswerTokens}
 * inside the context, or no answer when the [CLS] score beats it (SQuAD v2's null threshold 0).
 * Scored by SQuAD's exact match and F1, on decoded text when a vocabulary is given, otherwise on
 * the token-id spans.
 */
public final class SpanQaTask implements HeadTask {

    private final BertModel model;
    private final Vocabulary vocabulary;
    private final HeadDecoder decoder;

    /**
     * @param vocabulary decodes answers to text for SQuAD's normalised scoring; {@code null} to
     *     score token-id spans
     */
    public SpanQaTask(BertModel model, int maxAnswerTokens, Vocabulary vocabulary) {
        this.model = model;
        this.vocabulary = vocabulary;
        this.decoder = new HeadDecoder(model, maxAnswerTokens);
    }

    @Override
    public String headline() {
        return "f1";
    }

    @Override
    public NDArray loss(ParameterStore store, Batch batch, NDManager manager) {
        ModelInput input = ModelInput.of(batch, manager);
        NDArray sequence = model.encode(store, input, true);
        NDList startEnd = model.spanLogits(store, sequence, input.attentionMask(), true);
        long[] starts = new long[batch.size()];
        long[] ends = new long[batch.size()];
        for (int i = 0; i < starts.length; i++) {
            Example example = Scorer.requireAnswerSpan(batch.examples().get(i));
            starts[i] = example.spanStart();
            ends[i] = example.spanEnd();
        }
        NDArray startLoss = CrossEntropy.mean(startEnd.get(0), manager.create(starts));
        NDArray endLoss = CrossEntropy.mean(startEnd.get(1), manager.create(ends));
        return startLoss.add(endLoss).divi(2f);
    }

    @Override
    public Evaluation newEvaluation() {
        return HeadTask.scoring(decoder, new Scorer(model.head(), vocabulary));
    }
}
