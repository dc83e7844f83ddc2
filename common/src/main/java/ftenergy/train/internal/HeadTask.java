package ftenergy.train.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ftenergy.data.Batch;
import ftenergy.predict.HeadDecoder;
import ftenergy.predict.HeadOutput;
import ftenergy.predict.Metric;
import ftenergy.predict.Scorer;
import java.util.List;

/**
 * How one kind of head is trained and scored: the loss of a batch and an evaluation that
 * accumulates predictions batch by batch. Implementations are bound to their model.
 */
public interface HeadTask {

    /** Name of the headline metric (the first {@link Evaluation#metrics()} returns). */
    String headline();

    /**
     * Training loss of one batch (forward in training mode, inside the caller's gradient scope).
     *
     * @param manager owns every array created; the caller closes it after the step
     */
    NDArray loss(ParameterStore store, Batch batch, NDManager manager);

    /** A fresh accumulator of predictions. */
    Evaluation newEvaluation();

    /** Accumulates predictions of one batch at a time (forward in inference mode). */
    interface Evaluation {

        /** Predicts one batch and scores it; arrays go to {@code manager}, which the caller closes. */
        void add(ParameterStore store, Batch batch, NDManager manager);

        /** Metrics over every batch added, headline first. */
        List<Metric> metrics();
    }

    /** Scores batches in order, one sub-manager each; metrics headline first. */
    static List<Metric> evaluate(HeadTask task, ParameterStore store, List<Batch> batches, NDManager parent) {
        Evaluation evaluation = task.newEvaluation();
        for (Batch batch : batches) {
            try (NDManager manager = parent.newSubManager()) {
                evaluation.add(store, batch, manager);
            }
        }
        return evaluation.metrics();
    }

    /** An evaluation that predicts each batch with {@code decoder} and scores it with {@code scorer}. */
    static Evaluation scoring(HeadDecoder decoder, Scorer scorer) {
        return new Evaluation() {
            @Override
            public void add(ParameterStore store, Batch batch, NDManager manager) {
                List<HeadOutput> predicted = decoder.decode(store, batch, manager);
                for (int row = 0; row < batch.size(); row++) {
                    scorer.add(predicted.get(row), batch.examples().get(row));
                }
            }

            @Override
            public List<Metric> metrics() {
                return scorer.metrics();
            }
        };
    }
}
