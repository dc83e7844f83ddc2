package ftenergy.train;

import ftenergy.data.TaskType;
import ftenergy.meter.MeteredWork;
import ftenergy.run.RunKind;
import ftenergy.run.RunSpec;
import ftenergy.run.RunStatus;
import ftenergy.train.internal.DivergedException;
import ftenergy.train.internal.TrainingContext;
import ftenergy.train.internal.TrainingKinds;
import ftenergy.train.internal.TrainingLedger;

/**
 * Runs one planned training run in this JVM: pre-training, distillation or fine-tuning,
 * dispatched on {@link RunSpec#kind()}. Inference runs are not trained: the sweep runs them through
 * the Spark side's DataFrame inference, which meters each partition itself.
 *
 * <p><b>One run at a time per JVM, by construction.</b> DJL's PyTorch gradient collector is a
 * JVM-wide flag (a second concurrent one fails), and the energy meter attributes a device's whole
 * draw to the run on it. {@link #execute} therefore holds the JVM's {@link MeteredWork} slot for
 * the whole run: a second caller (run or metered inference) waits until the first returns. Spark
 * executors should offer one task slot per executor JVM for these runs (e.g. {@code spark.task.cpus}
 * = executor cores).
 *
 * <p>Runs on the calling thread, which may be any thread (a Spark task's): autograd is switched
 * off for the run outside gradient collectors and restored afterwards. The device is the GPU of
 * {@link TrainingInputs#gpuAddresses()} (the CPU when empty); several addresses train data parallel,
 * each GPU taking a slice of every batch (untested here: no multi-GPU machine was available).
 *
 * <p>Never throws for a run that goes wrong: divergence (NaN or infinite loss or gradient) ends
 * with {@link RunStatus#DIVERGED}, any other failure with {@link RunStatus#FAILED} and the
 * exception's class and message; the steps taken before either are still reported.
 */
public final class TrainingRun {

    private TrainingRun() {}

    /** {@link #execute(RunSpec, TrainingInputs, TrainingObserver, TrainingOptions)} with BERT's defaults. */
    public static TrainingOutcome execute(RunSpec spec, TrainingInputs inputs, TrainingObserver observer) {
        return execute(spec, inputs, observer, TrainingOptions.DEFAULTS);
    }

    /**
     * Executes a run; blocks while another run executes in this JVM.
     *
     * <ul>
     *   <li>{@code PRETRAIN}: masked LM (dynamic 15 % masking, 80/10/10) on {@code inputs.train()},
     *       evaluated as {@code mlm_loss} on {@code inputs.eval()}; writes {@code outputCheckpoint}.
     *   <li>{@code DISTILL}: {@code initCheckpoint} is the teacher; the student has
     *       {@code spec.model().layers()} layers taken from every k-th teacher layer; writes the student.
     *   <li>{@code FINETUNE}: a fresh head for {@code inputs.task()} on {@code initCheckpoint}'s
     *       encoder (or a model from scratch); AdamW with linear warm-up and decay, gradient clipping;
     *       evaluated every {@code evalEverySteps} and at the end.
     *   <li>{@code INFERENCE}: refused (a failed outcome naming the run), see the class comment.
     * </ul>
     *
     * @param observer the meter and progress reporting; called on this thread
     */
    public static TrainingOutcome execute(RunSpec spec, TrainingInputs inputs, TrainingObserver observer, TrainingOptions options) {
        TrainingLedger ledger = new TrainingLedger(observer, headlineMetric(spec.kind(), inputs.task().type()));
        try (MeteredWork.Held slot = MeteredWork.acquire();
                TrainingContext context = new TrainingContext(spec, inputs, options, ledger)) {
            switch (spec.kind()) {
                case PRETRAIN -> TrainingKinds.pretrain(context);
                case DISTILL -> TrainingKinds.distill(context);
                case FINETUNE -> TrainingKinds.finetune(context);
                case INFERENCE -> throw new TrainException(spec.runId(),
                        "is an inference run: inference runs go through DataFrame inference (ftenergy.inference.BertInference), not the trainer");
            }
            return ledger.outcome(RunStatus.SUCCEEDED, null);
        } catch (DivergedException e) {
            return ledger.outcome(RunStatus.DIVERGED, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a missing or mismatched native library is this run's failure, not the JVM's.
            return ledger.outcome(RunStatus.FAILED, e.getClass().getName() + ": " + e.getMessage());
        }
    }

    /** The metric a run of this kind on this task reports, before it has evaluated anything. */
    static String headlineMetric(RunKind kind, TaskType type) {
        if (kind == RunKind.PRETRAIN || kind == RunKind.DISTILL || type == TaskType.MASKED_LM) {
            return "mlm_loss";
        }
        return type == TaskType.SEQUENCE_CLASSIFICATION ? "accuracy" : "f1";
    }
}
