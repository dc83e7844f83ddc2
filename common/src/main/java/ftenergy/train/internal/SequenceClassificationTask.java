package ftenergy.train.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ftenergy.data.Batch;
import ftenergy.predict.HeadDecoder;
import ftenergy.predict.Scorer;
import ftenergy.model.BertModel;
import ftenergy.model.ModelInput;

/** Single-sentence and sentence-pair classification from [CLS]; scored by accuracy. */
public final class SequenceClassificationTask implements HeadTask {

    private final BertModel model;
    private final HeadDecoder decoder;

    /** Trains and scores {@code model}'s classification head. */
    public SequenceClassificationTask(BertModel model) {
        this.model = model;
        this.decoder = new HeadDecoder(model, 1);
    }

    @Override
    public String headline() {
        return "accuracy";
    }

    @Override
    public NDArray loss(ParameterStore store, Batch batch, NDManager manager) {
        NDArray sequence = model.encode(store, ModelInput.of(batch, manager), true);
        NDArray logits = model.sequenceLogits(store, sequence, true);
        return CrossEntropy.mean(logits, manager.create(labels(batch)));
    }

    private long[] labels(Batch batch) {
        int classes = model.head().outputs();
        long[] labels = new long[batch.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Scorer.requireLabel(batch.examples().get(i), classes);
        }
        return labels;
    }

    @Override
    public Evaluation newEvaluation() {
        return HeadTask.scoring(decoder, new Scorer(model.head()));
    }
}
