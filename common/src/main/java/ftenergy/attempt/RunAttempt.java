package ftenergy.attempt;

import com.typesafe.config.ConfigFactory;
import ftenergy.carbon.CarbonAccounting;
import ftenergy.carbon.CarbonSettings;
import ftenergy.config.ConfigReader;
import ftenergy.live.AttemptIdentity;
import ftenergy.live.LiveAttempt;
import ftenergy.meter.EnergyMeter;
import ftenergy.meter.Measurement;
import ftenergy.meter.MeteredWork;
import ftenergy.meter.MeterSettings;
import ftenergy.provenance.RuntimeVersions;
import ftenergy.run.AttemptResult;
import ftenergy.run.HostInfo;
import ftenergy.run.RunProvenance;
import ftenergy.run.RunSpec;
import ftenergy.run.WorkCounts;
import ftenergy.train.EngineVersions;
import ftenergy.train.TorchThreads;
import ftenergy.train.TrainingInputs;
import ftenergy.train.TrainingOutcome;
import ftenergy.train.TrainingRun;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Performs one metered training attempt (pre-training, distillation or fine-tuning). The meter's
 * {@code run} window spans model loading, training, evaluation and checkpointing, i.e. everything
 * the attempt cost; its parts are windows of their own ({@link PartWindows}); per-step energy comes
 * from the meter's cumulative counter read around each step. While it runs it is this JVM's
 * {@link LiveAttempt}, watched by Spark's metrics and delivered to the driver.
 */
public final class RunAttempt {

    private RunAttempt() {}

    /**
     * @param inputs the attempt
     * @param source the task's examples, read inside the run's meter window
     * @param gpuAddresses GPUs Spark assigned to the task (empty on CPU)
     * @param taskAttempt Spark's attempt number of the task running it (0 outside Spark): deliveries
     *     of a task Spark retried inside this attempt are told apart by it
     * @param progress receives one line per step every few seconds, for executor logs
     * @return the attempt's rows, whatever its status
     */
    public static AttemptResult execute(AttemptInputs inputs, TaskDataSource source, List<String> gpuAddresses, int taskAttempt,
            Consumer<String> progress) {
        ConfigReader in = new ConfigReader(ConfigFactory.parseString(inputs.configHocon()).resolve());
        MeterSettings meterSettings = MeterSettings.read(in);
        in.finish();
        RunSpec spec = inputs.spec();
        // The slot is taken before the window opens: a run waiting for another must not be billed for it.
        try (MeteredWork.Held slot = MeteredWork.acquire();
                EnergyMeter meter = EnergyMeter.open(meterSettings, gpuAddresses);
                LiveAttempt live = LiveAttempt.start(new AttemptIdentity(spec.runId(), spec.sweepId(), inputs.attempt()),
                        taskAttempt, meter)) {
            CarbonSettings carbon = CarbonSettings.read(in, meter.host().hostName());
            in.finish();
            meter.begin("run");
            PartWindows parts = new PartWindows(meter, live, spec, progress);
            // Read inside the window: loading a task's examples is part of the run's setup.
            TaskData data = source.load();
            TrainingOutcome outcome = TrainingRun.execute(spec, trainingInputs(inputs, data, gpuAddresses), parts);
            parts.close();
            Measurement window = meter.end("run");
            // Ended here, not by the try: the last delivery then holds the window's closing reading.
            live.close();
            RunProvenance provenance = inputs.provenance().forRun(data.version(),
                    RuntimeVersions.jvm().with(EngineVersions.current()).with("nvidia-driver", meter.host().gpuDriver()));
            WorkCounts work = new WorkCounts(outcome.steps(), outcome.examples(), outcome.tokensReal(), outcome.tokensPadded(),
                    outcome.tokensEvaluated());
            MeteredRun run = new MeteredRun(spec, inputs.attempt(), outcome.modelParams(),
                    HostInfo.of(meter.host(), TorchThreads.intraOp()), window,
                    parts.setupJoules(), parts.evaluationJoules(), parts.checkpointJoules(), work,
                    outcome.metricName(), outcome.metricValue(), outcome.status(), outcome.error(), outcome.stopReason(),
                    outcome.stepRecords(), meter.samples(), outcome.evals(), provenance);
            return run.assemble(CarbonAccounting.withShippedTable(), carbon);
        }
    }

    private static TrainingInputs trainingInputs(AttemptInputs inputs, TaskData data, List<String> gpus) {
        Path root = Path.of(inputs.checkpointRoot());
        String initRun = inputs.spec().model().initRunId();
        Path init = initRun != null ? root.resolve(initRun)
                : inputs.spec().model().init().equals("scratch") ? null : Path.of(inputs.spec().model().init());
        Path output = inputs.saveCheckpoint() ? root.resolve(inputs.spec().runId()) : null;
        return new TrainingInputs(data.info(), data.train(), data.eval(), inputs.vocabSize(), init, output,
                inputs.tokenizerFile() == null ? null : Path.of(inputs.tokenizerFile()), gpus, inputs.evalEverySteps());
    }
}
