package ftenergy.plan;

import ftenergy.provenance.Sha256;
import ftenergy.run.Hyperparameters;
import ftenergy.run.ModelSpec;
import ftenergy.run.RunKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What defines a run, in the canonical text its {@code run_id} hashes: the same definition always
 * names the same run, across JVMs and versions of ftenergy.
 *
 * <p><b>Encoding, version 1</b> (documented in {@code docs/architecture.md}): the fields below
 * joined with {@code |}, in this order, each written out explicitly (never through a record's
 * {@code toString}, so adding a component to a record changes no id):
 * <pre>
 * sweep_id | kind | task
 * | ModelSpec[name=N, layers=L, hidden=H, heads=A, intermediate=I, init=X]
 * | Hyperparameters[learningRate=R, batchSize=B, epochs=E, maxSteps=S, maxSeqLen=M, warmupFraction=W,
 *   weightDecay=D, lengthGrouped=G]
 * | seed | vocab=V,lower=C,file=F | data limits | gpus=N | eval-every=K
 * </pre>
 * Numbers as Java prints them ({@code Double.toString}, {@code Long.toString}), absent strings as
 * {@code null}. Fields added later are <em>extensions</em>: each is appended as
 * {@code |name=value} only when it differs from its default, in {@link #EXTENSIONS} order, so every
 * run defined before the field existed keeps its id. {@code stop} (the early-stop rule) is the
 * first. The run id is the first {@value Sha256#SHORT_HEX_DIGITS} hex digits of the SHA-256 of the
 * encoding's UTF-8 bytes.
 *
 * @param sweepId the sweep
 * @param kind pretrain, distill, finetune or inference
 * @param task task, or corpus for pre-training and distillation
 * @param model the model's shape and initial weights
 * @param hyperparameters optimisation settings
 * @param seed the run's seed
 * @param vocabSize tokenizer vocabulary size asked for
 * @param lowercase whether the tokenizer lower-cases
 * @param vocabFile the vocab.txt the tokenizer comes from, or {@code null} for one trained
 * @param dataLimits caps on the examples the run reads, as text ({@code train<=320;eval<=160})
 * @param gpus GPUs the run asks for
 * @param evalEverySteps evaluation interval
 * @param extensions values of the fields added after version 1, by name; absent or null = default
 */
public record RunIdentity(
        String sweepId,
        RunKind kind,
        String task,
        ModelSpec model,
        Hyperparameters hyperparameters,
        long seed,
        int vocabSize,
        boolean lowercase,
        String vocabFile,
        String dataLimits,
        int gpus,
        int evalEverySteps,
        Map<String, String> extensions) {

    /** Version of the encoding; a new version would need a migration of recorded ids. */
    public static final int VERSION = 1;

    /** Fields added after version 1, in the order they are appended. */
    public static final List<String> EXTENSIONS = List.of("stop");

    public RunIdentity {
        for (String name : extensions.keySet()) {
            if (!EXTENSIONS.contains(name)) {
                throw new IllegalArgumentException("unknown run identity field '" + name + "'; known: " + EXTENSIONS);
            }
        }
        extensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** The canonical text. */
    public String encode() {
        List<String> fields = new ArrayList<>(List.of(
                sweepId,
                kind.label(),
                task,
                model(model),
                hyperparameters(hyperparameters),
                Long.toString(seed),
                "vocab=" + vocabSize + ",lower=" + lowercase + ",file=" + vocabFile,
                dataLimits,
                "gpus=" + gpus,
                "eval-every=" + evalEverySteps));
        for (String name : EXTENSIONS) {
            String value = extensions.get(name);
            if (value != null) {
                fields.add(name + "=" + value);
            }
        }
        return String.join("|", fields);
    }

    /** The run id: the short SHA-256 of {@link #encode()}. */
    public String runId() {
        return Sha256.shortOf(encode());
    }

    private static String model(ModelSpec m) {
        return "ModelSpec[name=" + m.name() + ", layers=" + m.layers() + ", hidden=" + m.hidden() + ", heads=" + m.heads()
                + ", intermediate=" + m.intermediate() + ", init=" + m.init() + "]";
    }

    private static String hyperparameters(Hyperparameters h) {
        return "Hyperparameters[learningRate=" + h.learningRate() + ", batchSize=" + h.batchSize() + ", epochs=" + h.epochs()
                + ", maxSteps=" + h.maxSteps() + ", maxSeqLen=" + h.maxSeqLen() + ", warmupFraction=" + h.warmupFraction()
                + ", weightDecay=" + h.weightDecay() + ", lengthGrouped=" + h.lengthGrouped() + "]";
    }
}
