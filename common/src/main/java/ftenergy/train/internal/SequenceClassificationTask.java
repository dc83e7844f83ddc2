package ftenergy.train.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ftenergy.data.Batch;
import ftenergy.data.Example;
import ftenergy.model.BertModel;
import ftenergy.infer.HeadDecoder;
import ftenergy.infer.HeadOutput;
import ftenergy.model.ModelInput;
import java.util.List;

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
            Example example = batch.examples().get(i);
            if (example.label() < 0 || example.label() >= classes) {
                throw new IllegalArgumentException("example " + example.exampleId() + " of " + example.task()
                        + " has label " + example.label() + ", expected 0.." + (classes - 1));
            }
            labels[i] = example.label();
        }
        return labels;
    }

    @Override
    public Evaluation newEvaluation() {
        return new Evaluation() {
            private long correct;
            private long total;

            @Override
            public void add(ParameterStore store, Batch batch, NDManager manager) {
                List<HeadOutput> predicted = decoder.decode(store, batch, manager);
                long[] gold = labels(batch);
                for (int i = 0; i < gold.length; i++) {
                    correct += predicted.get(i).label() == gold[i] ? 1 : 0;
                }
                total += gold.length;
            }

            @Override
            public List<Metric> metrics() {
                return List.of(new Metric("accuracy", total == 0 ? Double.NaN : (double) correct / total));
            }
        };
    }
}
