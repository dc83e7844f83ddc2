package ftenergy.train.internal;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ftenergy.data.Batch;
import ftenergy.predict.Metric;
import ftenergy.run.StopRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The optimisation loop shared by pre-training, distillation and fine-tuning: for each step, the
 * head task's loss under a gradient collector, backward, clipped AdamW at the scheduled rate, a
 * step record with the meter's energy around the step; evaluations every N steps and at the end.
 *
 * <p>Every step's arrays live in sub-managers closed at the end of the step. On a GPU the step
 * ends with a device synchronisation, so its seconds and joules include all of its kernels.
 *
 * <p>With several devices (data parallel), each takes a consecutive slice of the batch; the
 * slices run one after another on the calling thread (DJL's gradient collector is one per JVM),
 * so the GPUs overlap only as far as CUDA's asynchronous launches let them.
 */
public final class TrainingLoop {

    /**
     * How long and how to train.
     *
     * @param totalSteps optimisation steps to take
     * @param schedule learning rate per step
     * @param maxGradNorm global gradient norm clip (0: none)
     * @param evalEverySteps evaluation interval (0: only at the end)
     * @param stopRule ends training at the first evaluation that reaches its target; {@code null} for none
     */
    public record Plan(int totalSteps, LinearSchedule schedule, double maxGradNorm, int evalEverySteps, StopRule stopRule) {}

    private final ReplicaStore store;
    private final HeadTask task;
    private final AdamW optimizer;
    private final TrainingLedger ledger;

    /**
     * @param store the model's parameters on the run's devices; each step's arrays go to
     *     sub-managers of its per-device managers
     * @param task loss and evaluation of the trained head
     * @param optimizer updates the trained parameters
     * @param ledger receives step and evaluation rows
     */
    public TrainingLoop(ReplicaStore store, HeadTask task, AdamW optimizer, TrainingLedger ledger) {
        this.store = store;
        this.task = task;
        this.optimizer = optimizer;
        this.ledger = ledger;
    }

    /**
     * Trains for {@code plan.totalSteps()} steps over as many epochs as that takes, or until an
     * evaluation meets the plan's stop rule (the learning-rate schedule is not shortened: the run
     * stops where it is, as a user watching the metric would).
     *
     * @param epochBatches the batches of epoch {@code e} (0-based), in training order
     * @param evalBatches evaluation batches (may be empty: then nothing is evaluated)
     * @throws DivergedException when a loss or gradient norm is not finite (the step is recorded)
     */
    public void run(IntFunction<List<Batch>> epochBatches, Plan plan, List<Batch> evalBatches) {
        ledger.trainingStarts();
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
                if (plan.evalEverySteps() > 0 && step % plan.evalEverySteps() == 0 && step < plan.totalSteps()
                        && stopsAt(step, plan, evaluate(evalBatches))) {
                    return;
                }
            }
        }
        evaluate(evalBatches);
    }

    private void trainStep(long step, int epoch, Batch batch, Plan plan) {
        double rate = plan.schedule().rate(step);
        double joulesBefore = ledger.joules();
        long started = System.nanoTime();
        List<Device> devices = store.devices();
        List<Batch> slices = slices(batch, devices.size());
        List<NDManager> managers = new ArrayList<>();
        double loss = 0;
        double gradientNorm = Double.NaN;
        try {
            for (int i = 0; i < slices.size(); i++) {
                managers.add(store.manager(devices.get(i)).newSubManager());
            }
            List<NDArray> sliceLosses = new ArrayList<>();
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                for (int i = 0; i < slices.size(); i++) {
                    // Each slice's mean loss weighted by its share of the batch: the sum is the batch mean.
                    float share = (float) slices.get(i).size() / batch.size();
                    NDArray sliceLoss = task.loss(store, slices.get(i), managers.get(i)).mul(share);
                    collector.backward(sliceLoss);
                    sliceLosses.add(sliceLoss);
                }
            }
            // Read back only after every device has its work queued, so GPUs overlap.
            for (NDArray sliceLoss : sliceLosses) {
                loss += sliceLoss.getFloat();
            }
            if (Double.isFinite(loss)) {
                store.reduceGradients(optimizer.parameters(), managers.get(0));
                gradientNorm = optimizer.step(rate, plan.maxGradNorm(), managers.get(0));
                store.broadcast(optimizer.parameters(), managers.get(0));
            }
            managers.forEach(TrainingLoop::synchronise);
        } finally {
            managers.forEach(NDManager::close);
        }
        ledger.step(epoch, batch, loss, rate, System.nanoTime() - started, joulesBefore);
        if (!Double.isFinite(loss)) {
            throw new DivergedException(step, "loss", loss, rate);
        }
        if (!Double.isFinite(gradientNorm)) {
            throw new DivergedException(step, "gradient norm", gradientNorm, rate);
        }
    }

    /** Consecutive rows for each device (fewer slices than devices for a small batch), padded as the batch. */
    static List<Batch> slices(Batch batch, int devices) {
        if (devices == 1) {
            return List.of(batch);
        }
        List<Batch> slices = new ArrayList<>();
        int per = (batch.size() + devices - 1) / devices;
        for (int from = 0; from < batch.size(); from += per) {
            slices.add(new Batch(batch.examples().subList(from, Math.min(batch.size(), from + per)), batch.seqLen()));
        }
        return slices;
    }

    /** Waits for the device's queued kernels (a no-op on the CPU, where every op is synchronous). */
    private static void synchronise(NDManager manager) {
        if (manager.getDevice().isGpu()) {
            manager.zeros(new Shape(1)).toFloatArray();
        }
    }

    private List<Metric> evaluate(List<Batch> evalBatches) {
        if (evalBatches.isEmpty()) {
            return List.of();
        }
        ledger.evaluationStarts();
        List<Metric> metrics = HeadTask.evaluate(task, store, evalBatches, store.getManager());
        ledger.eval(evalBatches, metrics);
        return metrics;
    }

    private boolean stopsAt(long step, Plan plan, List<Metric> metrics) {
        StopRule rule = plan.stopRule();
        if (rule == null) {
            return false;
        }
        for (Metric metric : metrics) {
            if (rule.reachedBy(metric.name(), metric.value())) {
                ledger.stoppedEarly(String.format(Locale.ROOT, "%s reached at step %d of %d (%s = %.4f)",
                        rule, step, plan.totalSteps(), metric.name(), metric.value()));
                return true;
            }
        }
        return false;
    }
}
