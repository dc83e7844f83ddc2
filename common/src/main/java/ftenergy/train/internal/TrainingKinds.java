package ftenergy.train.internal;

import ai.djl.ndarray.NDManager;
import ftenergy.data.Batch;
import ftenergy.data.TaskType;
import ftenergy.model.BertModel;
import ftenergy.model.checkpoint.CheckpointInfo;
import ftenergy.model.checkpoint.LoadedModel;
import ftenergy.model.SpecialTokens;
import ftenergy.model.TaskHead;
import ftenergy.run.ModelSpec;
import ftenergy.train.TrainException;

/** The three kinds of training run, each on a prepared {@link TrainingContext}. */
public final class TrainingKinds {

    /** Generator streams, so shuffling, masking and evaluation never share random numbers. */
    private static final int MASKING_STREAM = 1;

    private TrainingKinds() {}

    /** Masked-LM pre-training from scratch (or continued from the init checkpoint); writes the checkpoint. */
    public static void pretrain(TrainingContext context) {
        BertModel model;
        CheckpointInfo info = null;
        if (context.inputs().initCheckpoint() == null) {
            model = context.scratchModel(TaskHead.maskedLm());
        } else {
            LoadedModel loaded = context.loadInit(TaskHead.maskedLm(), true);
            model = loaded.model();
            info = loaded.info();
        }
        SpecialTokens specials = context.specialTokens(info);
        HeadTask task = new MaskedLmTask(model, context.options().masking(), specials, context.random(MASKING_STREAM));
        train(context, model, task);
        context.save(model, specials);
    }

    /** Distils the init checkpoint (the teacher) into a student of the spec's layer count; writes the student. */
    public static void distill(TrainingContext context) {
        if (context.inputs().initCheckpoint() == null) {
            throw new TrainException(context.spec().runId(), "distillation needs a teacher checkpoint");
        }
        LoadedModel teacher = context.loadInit(TaskHead.maskedLm(), false);
        if (!TaskHead.maskedLm().equals(teacher.info().head())) {
            throw new TrainException(context.spec().runId(), "teacher " + context.inputs().initCheckpoint()
                    + " has no masked-LM head (it stores " + teacher.info().head() + "); distil a pre-trained model");
        }
        ModelSpec student = context.spec().model();
        var config = teacher.info().config();
        if (student.hidden() != config.hiddenSize() || student.heads() != config.numAttentionHeads()
                || student.intermediate() != config.intermediateSize()) {
            throw new TrainException(context.spec().runId(), "student " + student.name()
                    + " must keep the teacher's width (" + config.describe() + ") and change only its layers");
        }
        BertModel model = DistillationTask.initialiseStudent(teacher.model(), student.layers(), context.root());
        SpecialTokens specials = teacher.info().specialTokens();
        HeadTask task = new DistillationTask(teacher.model(), model, context.options().distillLoss(),
                context.options().masking(), specials, context.random(MASKING_STREAM));
        train(context, model, task);
        context.save(model, specials);
    }

    /** Fine-tunes a fresh task head on the init checkpoint's encoder (or a model from scratch). */
    public static void finetune(TrainingContext context) {
        TaskHead head = TaskHead.of(context.inputs().task());
        Model model = model(context, head);
        train(context, model.model(), task(context, model.model(), model.specials()));
        context.save(model.model(), model.specials());
    }

    private record Model(BertModel model, SpecialTokens specials) {}

    private static Model model(TrainingContext context, TaskHead head) {
        if (context.inputs().initCheckpoint() == null) {
            BertModel model = context.scratchModel(head);
            context.ledger().modelParams(model.parameterCount());
            return new Model(model, context.specialTokens(null));
        }
        LoadedModel loaded = context.loadInit(head, true);
        context.ledger().modelParams(loaded.model().parameterCount());
        return new Model(loaded.model(), loaded.info().specialTokens());
    }

    private static HeadTask task(TrainingContext context, BertModel model, SpecialTokens specials) {
        TaskType type = model.head().type();
        return switch (type) {
            case SEQUENCE_CLASSIFICATION -> new SequenceClassificationTask(model);
            case TOKEN_CLASSIFICATION -> new TokenClassificationTask(model);
            case SPAN_QA -> new SpanQaTask(model, context.options().maxAnswerTokens(), context.inputs().task().qa(),
                    context.vocabulary());
            case MASKED_LM -> new MaskedLmTask(model, context.options().masking(), specials,
                    context.random(MASKING_STREAM));
        };
    }

    private static void train(TrainingContext context, BertModel model, HeadTask task) {
        context.ledger().modelParams(model.parameterCount());
        AdamW optimizer = new AdamW(model.trainableParameters(), context.spec().hyperparameters().weightDecay());
        TrainingLoop loop = new TrainingLoop(context.store(), task, optimizer, context.ledger());
        loop.run(context::trainBatches, context.plan(), context.evalBatches(context.spec().hyperparameters().batchSize()));
    }
}
