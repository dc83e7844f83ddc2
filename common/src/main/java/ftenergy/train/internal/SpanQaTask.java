package ftenergy.train.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ftenergy.data.Batch;
import ftenergy.data.Example;
import ftenergy.data.QaSettings;
import ftenergy.predict.HeadDecoder;
import ftenergy.predict.Scorer;
import ftenergy.model.BertModel;
import ftenergy.model.ModelInput;
import ftenergy.text.Vocabulary;

/**
 * Extractive QA: start and end token of the answer in the context (type id 1), or [CLS] at
 * position 0 when the window holds no answer (unanswerable, or the answer lies in another window
 * of the question). Trained on each window alone (mean of start and end cross-entropy); evaluated
 * per question: the best span of at most {@code maxAnswerTokens} over the question's windows, or
 * no answer where the task's rule says so ({@link QaSettings}), scored by SQuAD's exact match and
 * F1 against every gold answer ({@link Scorer}).
 */
public final class SpanQaTask implements HeadTask {

    private final BertModel model;
    private final Vocabulary vocabulary;
    private final QaSettings answerRule;
    private final HeadDecoder decoder;

    /**
     * @param answerRule the task's windows and "no answer" rule ({@code TaskInfo.qa()})
     * @param vocabulary decodes the answers of examples without a window to text for SQuAD's
     *     normalised scoring; {@code null} to score their token-id spans
     */
    public SpanQaTask(BertModel model, int maxAnswerTokens, QaSettings answerRule, Vocabulary vocabulary) {
        this.model = model;
        this.vocabulary = vocabulary;
        this.answerRule = answerRule;
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
        return HeadTask.scoring(decoder, new Scorer(model.head(), vocabulary, answerRule));
    }
}
