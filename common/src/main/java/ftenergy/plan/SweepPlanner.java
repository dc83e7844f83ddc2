package ftenergy.plan;

import ftenergy.run.Hyperparameters;
import ftenergy.run.ModelSpec;
import ftenergy.run.RunKind;
import ftenergy.run.RunSpec;
import ftenergy.run.StopRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Expands a sweep into runs: pretrain → distill → fine-tunes (task × model × the task's grid point
 * × seed) → inference (task × model × batch size, on the first grid point and seed's fine-tuned
 * model).
 */
public final class SweepPlanner {

    private SweepPlanner() {}

    public static SweepPlan plan(SweepSettings s) {
        List<RunSpec> runs = new ArrayList<>();
        ModelSpec teacher = s.teacher();
        String teacherInit = teacher.init();
        List<String> teacherDeps = List.of();
        if (s.pretrain().enabled() && teacher.init().equals("scratch")) {
            RunSpec pretrain = spec(s, RunKind.PRETRAIN, s.corpus(), teacher, s.pretrain().hyperparameters(),
                    s.pretrain().seed(), List.of(), "", null);
            runs.add(pretrain);
            teacherInit = "run:" + pretrain.runId();
            teacherDeps = List.of(pretrain.runId());
        }
        String studentInit = null;
        List<String> studentDeps = List.of();
        if (s.distill().enabled()) {
            ModelSpec student = student(teacher, teacherInit);
            RunSpec distill = spec(s, RunKind.DISTILL, s.corpus(), student, s.distill().hyperparameters(),
                    s.distill().seed(), teacherDeps, "", null);
            runs.add(distill);
            studentInit = "run:" + distill.runId();
            studentDeps = List.of(distill.runId());
        }
        for (String task : s.finetune().tasks()) {
            List<Hyperparameters> points = gridPoints(s, s.finetune().gridFor(task));
            for (String role : s.finetune().models()) {
                boolean student = role.equals("student");
                ModelSpec base = student
                        ? student(teacher, studentInit)
                        : new ModelSpec(teacher.name(), teacher.layers(), teacher.hidden(), teacher.heads(),
                                teacher.intermediate(), teacherInit);
                List<String> deps = student ? studentDeps : teacherDeps;
                RunSpec first = null;
                for (Hyperparameters hp : points) {
                    for (long seed : s.finetune().seeds()) {
                        String limits = "train<=" + s.finetune().maxTrainExamples() + ";eval<=" + s.finetune().maxEvalExamples();
                        RunSpec finetune = spec(s, RunKind.FINETUNE, task, base, hp, seed, deps, limits, s.finetune().earlyStop());
                        runs.add(finetune);
                        if (first == null) {
                            first = finetune;
                        }
                    }
                }
                if (s.inference().enabled() && first != null) {
                    for (int batch : s.inference().batchSizes()) {
                        Hyperparameters hp = new Hyperparameters(first.hyperparameters().learningRate(), batch, 1, 0,
                                first.hyperparameters().maxSeqLen(), 0, 0, false);
                        ModelSpec tuned = new ModelSpec(base.name(), base.layers(), base.hidden(), base.heads(),
                                base.intermediate(), "run:" + first.runId());
                        runs.add(spec(s, RunKind.INFERENCE, task, tuned, hp, first.seed(), List.of(first.runId()),
                                "examples<=" + s.inference().maxExamples(), null));
                    }
                }
            }
        }
        return new SweepPlan(s.id(), runs);
    }

    /**
     * The distilled student of {@code teacher}: every other layer, named after its own shape
     * ({@code distil-bert-1l-64h} for the student of {@code bert-2l-64h}).
     */
    static ModelSpec student(ModelSpec teacher, String init) {
        int layers = Math.max(1, teacher.layers() / 2);
        return new ModelSpec("distil-bert-" + layers + "l-" + teacher.hidden() + "h", layers, teacher.hidden(), teacher.heads(),
                teacher.intermediate(), init);
    }

    /**
     * The model as run identity version 1 names it: a student by its teacher's name
     * ({@code distil-bert-2l-64h} for the 1-layer student of {@code bert-2l-64h}), the name
     * students had when that version was fixed. The display name carries nothing the shape and
     * initial weights do not, so renaming it must not rename the runs.
     */
    private static ModelSpec identityModel(SweepSettings s, ModelSpec model) {
        if (!model.name().startsWith("distil-")) {
            return model;
        }
        return new ModelSpec("distil-" + s.teacher().name(), model.layers(), model.hidden(), model.heads(), model.intermediate(),
                model.init());
    }

    /** Every point of {@code g}, or {@code randomSamples} of them drawn without replacement by {@code sampleSeed}. */
    static List<Hyperparameters> gridPoints(SweepSettings s, GridSettings g) {
        List<Hyperparameters> all = new ArrayList<>();
        for (double lr : g.learningRates()) {
            for (int batch : g.batchSizes()) {
                for (int epochs : g.epochs()) {
                    for (int length : g.maxSeqLens()) {
                        for (double warmup : g.warmups()) {
                            for (double decay : g.weightDecays()) {
                                for (boolean grouped : g.lengthGrouped()) {
                                    all.add(new Hyperparameters(lr, batch, epochs, s.finetune().maxSteps(), length, warmup, decay, grouped));
                                }
                            }
                        }
                    }
                }
            }
        }
        if (s.finetune().randomSamples() == 0 || s.finetune().randomSamples() >= all.size()) {
            return all;
        }
        List<Hyperparameters> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(s.finetune().sampleSeed()));
        return shuffled.subList(0, s.finetune().randomSamples());
    }

    private static RunSpec spec(SweepSettings s, RunKind kind, String task, ModelSpec model, Hyperparameters hp,
            long seed, List<String> deps, String dataLimits, StopRule stopRule) {
        Map<String, String> extensions = new LinkedHashMap<>();
        if (stopRule != null) {
            extensions.put("stop", stopRule.toString());
        }
        TokenizerSettings tokenizer = s.tokenizer();
        RunIdentity identity = new RunIdentity(s.id(), kind, task, identityModel(s, model), hp, seed, tokenizer.vocabSize(), tokenizer.lowercase(),
                tokenizer.vocabFile(), dataLimits, s.launch().gpusPerRun(), s.evalEverySteps(), extensions);
        return new RunSpec(identity.runId(), s.id(), kind, task, model, hp, seed, s.launch().gpusPerRun(), deps, stopRule);
    }
}
