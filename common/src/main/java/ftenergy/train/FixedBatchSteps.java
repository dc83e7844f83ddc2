package ftenergy.train;

import ai.djl.ndarray.NDManager;
import ftenergy.data.Batch;
import ftenergy.model.BertModel;
import ftenergy.train.internal.AdamW;
import ftenergy.train.internal.LinearSchedule;
import ftenergy.train.internal.ReplicaStore;
import ftenergy.train.internal.SequenceClassificationTask;
import ftenergy.train.internal.TrainingLedger;
import ftenergy.train.internal.TrainingLoop;
import java.util.List;

/**
 * The optimisation step every fine-tuning run takes (sequence-classification loss under a gradient
 * collector, backward, global-norm clipping, AdamW), repeated on one fixed batch: what a benchmark
 * times when it measures steps apart from data loading and evaluation. Closing it frees the
 * optimiser's and the loop's arrays; the model stays with its manager.
 */
public final class FixedBatchSteps implements AutoCloseable {

    private final ReplicaStore store;
    private final TrainingLoop loop;
    private final List<Batch> epoch;
    private final double learningRate;

    /**
     * @param root the manager the model lives in (its device is the step's)
     * @param model a sequence-classification model, initialised
     * @param batch the batch every step trains on
     * @param learningRate constant learning rate of every step
     * @param weightDecay AdamW's decoupled weight decay
     */
    public FixedBatchSteps(NDManager root, BertModel model, Batch batch, double learningRate, double weightDecay) {
        this.store = new ReplicaStore(root, List.of(root.getDevice()));
        this.loop = new TrainingLoop(store, new SequenceClassificationTask(model),
                new AdamW(model.trainableParameters(), weightDecay), new TrainingLedger(TrainingObserver.NONE, "accuracy"));
        this.epoch = List.of(batch);
        this.learningRate = learningRate;
    }

    /** Takes {@code steps} optimisation steps on the batch. */
    public void run(int steps) {
        loop.run(e -> epoch, new TrainingLoop.Plan(steps, new LinearSchedule(learningRate, 0, steps), 1.0, 0, null), List.of());
    }

    @Override
    public void close() {
        store.close();
    }
}
