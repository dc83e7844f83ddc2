package ftenergy.train.internal;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ftenergy.data.Batch;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The optimisation loop shared by pre-training, distillation and fine-tuning: for each step, the
 * head task's loss under a gradient collector, backward, clipped AdamW at the scheduled rate, a
 * step record with the meter's energy around the step; evaluations every N steps and at the end.
 *
 * <p>Every step's arrays live in a sub-manager closed at the end of the step. On a GPU the step
 * ends with a device synchronisation, so its seconds and joules include all of its kernels.
 */
public final class TrainingLoop {

    /**
     * How long and how to train.
     *
     * @param totalSteps optimisation steps to take
     * @param schedule learning rate per step
     * @param maxGradNorm global gradient norm clip (0: none)
     * @param evalEverySteps evaluation interval (0: only at the end)
     */
    public record Plan(int totalSteps, LinearSchedule schedule, double maxGradNorm, int evalEverySteps) {}

    private final NDManager root;
    private final ParameterStore store;
    private final HeadTask task;
    private final AdamW optimizer;
    private final RunLedger ledger;

    /**
     * @param root manager of the model's device; each step's arrays go to a sub-manager of it
     * @param task loss and evaluation of the trained head
     * @param optimizer updates the trained parameters
     * @param ledger receives step and evaluation rows
     */
    public TrainingLoop(NDManager root, ParameterStore store, HeadTask task, AdamW optimizer, RunLedger ledger) {
        this.root = root;
        this.store = store;
        this.task = task;
        this.optimizer = optimizer;
        this.ledger = ledger;
    }

    /**
     * Trains for {@code plan.totalSteps()} steps over as many epochs as that takes.
     *
     * @param epochBatches the batches of epoch {@code e} (0-based), in training order
     * @param evalBatches evaluation batches (may be empty: then nothing is evaluated)
     * @throws DivergedException when a loss or gradient norm is not finite (the step is recorded)
     */
    public void run(IntFunction<List<Batch>> epochBatches, Plan plan, List<Batch> evalBatches) {
        long step = 0;
        for (int epoch = 0; step < plan.totalSteps(); epoch++) {
            List<Batch> batches = epochBatches.apply(epoch);
            if (batches.isEmpty()) {
                throw new IllegalArgumentException("epoch " + epoch + " has no training batches");
            }
            for (Batch batch : batches) {
                if (step == plan.totalSteps()) {
                    break;
                }
                step++;
                trainStep(step, epoch, batch, plan);
                if (plan.evalEverySteps() > 0 && step % plan.evalEverySteps() == 0 && step < plan.totalSteps()) {
                    evaluate(evalBatches);
                }
            }
        }
        evaluate(evalBatches);
    }

    private void trainStep(long step, int epoch, Batch batch, Plan plan) {
        double rate = plan.schedule().rate(step);
        double joulesBefore = ledger.joules();
        long started = System.nanoTime();
        double loss;
        double gradientNorm = Double.NaN;
        try (NDManager manager = root.newSubManager()) {
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray lossArray = task.loss(store, batch, manager);
                collector.backward(lossArray);
                loss = lossArray.getFloat();
            }
            if (Double.isFinite(loss)) {
                gradientNorm = optimizer.step(rate, plan.maxGradNorm(), manager);
            }
            synchronise(manager);
        }
        ledger.step(epoch, batch, loss, rate, System.nanoTime() - started, joulesBefore);
        if (!Double.isFinite(loss)) {
            throw new DivergedException(step, "loss", loss, rate);
        }
        if (!Double.isFinite(gradientNorm)) {
            throw new DivergedException(step, "gradient norm", gradientNorm, rate);
        }
    }

    /** Waits for the device's queued kernels (a no-op on the CPU, where every op is synchronous). */
    static void synchronise(NDManager manager) {
        if (manager.getDevice().isGpu()) {
            manager.zeros(new Shape(1)).toFloatArray();
        }
    }

    private void evaluate(List<Batch> evalBatches) {
        if (!evalBatches.isEmpty()) {
            ledger.eval(HeadTask.evaluate(task, store, evalBatches, root));
        }
    }
}
