package ftenergy.sweep;

import static org.apache.spark.sql.functions.col;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import ftenergy.config.AppSettings;
import ftenergy.config.ConfigReader;
import ftenergy.attempt.AttemptInputs;
import ftenergy.attempt.SweepProvenance;
import ftenergy.attempt.RunAttempt;
import ftenergy.attempt.TaskDataSource;
import ftenergy.lake.LakeTables;
import ftenergy.lake.LakeWriter;
import ftenergy.lake.Lakehouse;
import ftenergy.lake.SparkRuntime;
import ftenergy.live.AttemptIdentity;
import ftenergy.meter.PowerSample;
import ftenergy.metrics.LiveDeliveries;
import ftenergy.lake.SweepClaim;
import ftenergy.provenance.ConfigHash;
import ftenergy.plan.SweepPlan;
import ftenergy.plan.SweepPlanner;
import ftenergy.plan.SweepSettings;
import ftenergy.prepare.PrepareJob;
import ftenergy.prepare.PreparedData;
import ftenergy.run.RunKind;
import ftenergy.run.AttemptResult;
import ftenergy.run.RunSpec;
import ftenergy.sparktask.TaskAttemptNumber;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;

/**
 * {@code ftenergy sweep}: plan, prepare what is missing, then launch every run not yet succeeded,
 * committing each result as it arrives. Re-submitting the same config finishes only what is missing.
 */
public final class SweepJob {

    /** Evaluation examples of pre-training and distillation runs (masked-LM loss on held-out text). */
    private static final int MLM_EVAL_EXAMPLES = 256;

    private SweepJob() {}

    /** Prepares the data and the plan, then runs the sweep; returns how it ended. */
    public static SweepOutcome run(Lakehouse lake, Config config, AppSettings app, SweepSettings sweep, PrintStream out)
            throws InterruptedException {
        checkGpuRuns(ClusterCapacity.of(lake.spark().sparkContext()), config, sweep);
        PreparedData prepared = PrepareJob.run(lake, app, sweep, false, out);
        SweepPlan plan = SweepPlanner.plan(sweep);
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(lake.spark().sparkContext());
        TaskExamples examples = TaskExamples.pinned(lake, prepared);
        Set<String> needed = new HashSet<>();
        plan.runs().forEach(run -> needed.addAll(run.dependsOn()));
        String configHocon = config.root().render(ConfigRenderOptions.concise());
        SweepProvenance provenance = new SweepProvenance(codeVersion(), ConfigHash.of(config), prepared.tokenizerHash(),
                SparkRuntime.versions());
        String checkpoints = app.checkpoints().toAbsolutePath().toString();
        ClusterCapacity capacity = ClusterCapacity.of(spark.sc());
        capacity.idleCoresWarning().ifPresent(out::println);
        SparkRunLauncher training = new SparkRunLauncher(spark, capacity, (spec, attempt) -> {
            AttemptInputs inputs = new AttemptInputs(spec, attempt, checkpoints, needed.contains(spec.runId()),
                    prepared.tokenizerFile().toAbsolutePath().toString(), prepared.vocabSize(), sweep.evalEverySteps(),
                    configHocon, provenance);
            return work(inputs, taskData(examples, sweep, spec));
        });
        InferenceRunLauncher inference = new InferenceRunLauncher(lake.spark(),
                spec -> examples.evaluation(spec.task(), spec.hyperparameters().maxSeqLen(), sweep.inference().maxExamples()),
                app.checkpoints(), prepared.tokenizerFile(), config, provenance);
        RunLauncher byKind = (spec, attempt) ->
                spec.kind() == RunKind.INFERENCE ? inference.launch(spec, attempt) : training.launch(spec, attempt);
        LakeWriter.Appends appends = appends(config);
        LakeWriter writer = new LakeWriter(lake, appends);
        // Asked while the sweep is claimed and its state read: start-up is mostly Delta snapshot updates.
        CompletableFuture<List<Row>> open = CompletableFuture.supplyAsync(() -> openSubmissions(lake, sweep.id()));
        // Claimed before reading what is recorded: nothing an older submission appends lands after this.
        SweepClaim claim = writer.claim(sweep.id());
        SweepState before = SweepStateReader.read(lake, sweep.id());
        warnAbout(SweepStateReader.joined(open, "read table 'sweeps'"), sweep.id(), out);
        SweepBudget budget = new SweepBudget(sweep.launch().budgetKwh(), sweep.launch().budgetCo2Kg());
        Submission submission = Submission.start(sweep.id(), spark.master(), provenance.codeVersion(), provenance.configHash(),
                plan.runs().size(),
                budget, before.spentKwh(), before.spentCo2Kg());
        writer.insertOnce(LakeTables.SWEEPS, submission.row(), "ftenergy-submission-" + submission.submissionId());
        ResultSink sink = new ResultSink() {
            @Override
            public void commit(List<AttemptResult> results) {
                writer.appendBatch(results, claim);
            }

            @Override
            public Runnable stage(List<AttemptResult> results) {
                return writer.stageBatch(results, claim);
            }

            @Override
            public void appendSamples(AttemptIdentity attempt, List<PowerSample> samples) {
                writer.appendSamples(attempt, samples, claim);
            }

            @Override
            public void verifyClaim() {
                writer.verifyClaim(claim);
            }
        };
        SweepOutcome outcome;
        // Executors deliver what their runs measure while they run: nothing measured is lost with an executor.
        InFlightAttempts inFlight = new InFlightAttempts(sweep.id(), config, provenance);
        try (SparkRunQueue launcher = new SparkRunQueue(spark, byKind);
                LiveDeliveries.Subscription deliveries = LiveDeliveries.subscribe(inFlight)) {
            RunScheduler scheduler = new RunScheduler(plan, before, launcher, sink,
                    new RunScheduler.Options(runSlots(spark, sweep, appends), sweep.launch().retries(), budget, inFlight),
                    new SweepProgress(out, Duration.ofSeconds(30)));
            outcome = scheduler.run();
        }
        // What it recorded is known here: re-reading the tables would cost a sweep's start-up again.
        Submission ended = submission.finish(outcome, before.spentKwh() + outcome.recordedKwh(),
                before.spentCo2Kg() + outcome.recordedCo2Kg());
        writer.upsert(LakeTables.SWEEPS, ended.row(lake.spark()));
        compact(lake, config, out);
        return outcome;
    }

    /**
     * Compacts the run tables (one small file per commit) unless {@code ftenergy.lake.optimize-after-sweep}
     * is off. A compaction that fails (another writer's conflicting change) only costs speed: it is
     * reported and the sweep's result stands.
     */
    private static void compact(Lakehouse lake, Config config, PrintStream out) {
        ConfigReader in = new ConfigReader(config);
        boolean optimize = in.bool("ftenergy.lake.optimize-after-sweep");
        in.finish();
        if (!optimize) {
            return;
        }
        try {
            List<String> done = new java.util.ArrayList<>();
            for (Lakehouse.Compaction table : lake.optimize(List.of(LakeTables.RUNS, LakeTables.STEPS, LakeTables.POWER_SAMPLES,
                    LakeTables.EVALS))) {
                done.add(table.table() + " " + table.filesBefore() + " -> " + table.filesAfter());
            }
            out.println("sweep: compacted the run tables' files (" + String.join(", ", done) + ")");
        } catch (RuntimeException e) {
            out.println("warning: compacting the run tables failed (" + e.getMessage() + "); `ftenergy lake optimize` retries it");
        }
    }

    /**
     * A submission that never ended either died or is still running; if running, this one's claim
     * supersedes it and it stops at its next commit (see {@code SweepClaim}). Say so.
     */
    private static void warnAbout(List<Row> openSubmissions, String sweepId, PrintStream out) {
        for (Row open : openSubmissions) {
            out.println("warning: submission " + open.get(0) + " of sweep " + sweepId + " (started " + open.get(1) + " on "
                    + open.get(2) + ") never ended: its driver died, or it is still running. If it is running, this"
                    + " submission takes the sweep over: the other one stops at its next commit, and its runs in flight"
                    + " are run again here.");
        }
    }

    /** The sweep's submissions that never ended: submission id, start, master. */
    private static List<Row> openSubmissions(Lakehouse lake, String sweepId) {
        return lake.read(LakeTables.SWEEPS).where(col("sweep_id").equalTo(sweepId).and(col("ended_at").isNull()))
                .select("submission_id", "started_at", "master").collectAsList();
    }

    /** The work shipped to the executor; static so the closure captures only serializable values. */
    private static RunWork work(AttemptInputs inputs, TaskDataSource data) {
        return gpus -> RunAttempt.execute(inputs, data, gpus, TaskAttemptNumber.current(), line -> System.err.println(line));
    }

    /** Where a training run's examples come from; it reads them on its executor. */
    private static TaskDataSource taskData(TaskExamples examples, SweepSettings sweep, RunSpec spec) {
        int length = spec.hyperparameters().maxSeqLen();
        return switch (spec.kind()) {
            case PRETRAIN, DISTILL -> examples.forRun(spec.task(), length, 0, MLM_EVAL_EXAMPLES);
            case FINETUNE -> examples.forRun(spec.task(), length, sweep.finetune().maxTrainExamples(),
                    sweep.finetune().maxEvalExamples());
            case INFERENCE -> throw new IllegalArgumentException("inference run " + spec.runId() + " predicts on the driver's frame");
        };
    }

    private static LakeWriter.Appends appends(Config config) {
        ConfigReader in = new ConfigReader(config);
        LakeWriter.Appends appends = LakeWriter.Appends.read(in);
        in.finish();
        return appends;
    }

    /** The cluster's run slots each time they are asked, or the configured number of concurrent runs. */
    private static RunSlots runSlots(JavaSparkContext spark, SweepSettings sweep, LakeWriter.Appends appends) {
        return new RunSlots() {
            @Override
            public int slots() {
                return sweep.launch().maxConcurrentRuns() > 0 ? sweep.launch().maxConcurrentRuns() : ClusterCapacity.of(spark.sc()).runSlots();
            }

            @Override
            public int queued(int slots) {
                return SweepJob.queued(spark, sweep, slots, appends);
            }
        };
    }

    /**
     * Runs handed to Spark beyond its free slots. Automatically one per slot on a cluster; none in
     * local mode (a queued run would run beside the first in the same JVM), nor with Spark-job
     * appends (Spark's FIFO scheduler would hold each append behind the queued runs).
     */
    private static int queued(JavaSparkContext spark, SweepSettings sweep, int slots, LakeWriter.Appends appends) {
        if (sweep.launch().queuedRuns() != null) {
            return sweep.launch().queuedRuns();
        }
        return spark.isLocal() || appends == LakeWriter.Appends.SPARK ? 0 : slots;
    }

    /** Runs asking for GPUs the cluster cannot give are a configuration error, found before any Spark job. */
    private static void checkGpuRuns(ClusterCapacity capacity, Config config, SweepSettings sweep) {
        capacity.gpuProblem(sweep.launch().gpusPerRun()).ifPresent(problem -> {
            ConfigReader in = new ConfigReader(config);
            in.problem("ftenergy.sweep.gpus-per-run", problem);
            in.finish();
        });
    }

    /** ftenergy's version from the jar manifest; {@code dev} when run from classes. */
    public static String codeVersion() {
        String version = SweepJob.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
