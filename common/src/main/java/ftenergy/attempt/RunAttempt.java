package ftenergy.attempt;

import com.typesafe.config.ConfigFactory;
import ftenergy.meter.EnergyUnit;
import ftenergy.carbon.CarbonAccounting;
import ftenergy.carbon.CarbonSettings;
import ftenergy.config.ConfigReader;
import ftenergy.meter.EnergyMeter;
import ftenergy.meter.Measurement;
import ftenergy.meter.MeteredWork;
import ftenergy.meter.MeterSettings;
import ftenergy.run.HostInfo;
import ftenergy.run.EnergyAccount;
import ftenergy.run.EvalPoint;
import ftenergy.run.RunRecord;
import ftenergy.run.AttemptResult;
import ftenergy.run.RunSpec;
import ftenergy.run.StepRecord;
import ftenergy.train.TrainingRun;
import ftenergy.train.TrainingInputs;
import ftenergy.train.TrainingObserver;
import ftenergy.train.TrainingOutcome;
import ftenergy.train.TorchThreads;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Performs one metered attempt. The meter's {@code run} window spans model loading, training and
 * evaluation, i.e. everything the attempt cost; per-step energy comes from the meter's cumulative
 * counter read around each step.
 */
public final class RunAttempt {

    private static final long PROGRESS_INTERVAL_NANOS = 5_000_000_000L;

    /** The meter window from the training loop's start to the run's end; the rest of the run's is setup. */
    private static final String TRAINING_WINDOW = "training";

    private RunAttempt() {}

    /**
     * @param inputs the attempt
     * @param data the task's examples, read inside the run's meter window
     * @param gpuAddresses GPUs Spark assigned to the task (empty on CPU)
     * @param progress receives one line per step, for executor logs
     * @return the attempt's rows, whatever its status
     */
    public static AttemptResult execute(AttemptInputs inputs, TaskDataSource data, List<String> gpuAddresses,
            Consumer<String> progress) {
        ConfigReader in = new ConfigReader(ConfigFactory.parseString(inputs.configHocon()).resolve());
        MeterSettings meterSettings = MeterSettings.read(in);
        in.finish();
        RunSpec spec = inputs.spec();
        // The slot is taken before the window opens: a run waiting for another must not be billed for it.
        try (MeteredWork.Held slot = MeteredWork.acquire();
                EnergyMeter meter = EnergyMeter.open(meterSettings, gpuAddresses)) {
            CarbonSettings carbon = CarbonSettings.read(in, meter.host().hostName());
            in.finish();
            Instant started = Instant.now();
            meter.begin("run");
            AtomicBoolean training = new AtomicBoolean();
            TrainingOutcome outcome = TrainingRun.execute(spec, runInputs(inputs, data.load(), gpuAddresses),
                    observer(meter, spec, training, progress));
            // A window of its own, read fresh at both edges: exact however short the setup was.
            double trainingJoules = training.get() ? meter.end(TRAINING_WINDOW).totalJoules() : 0;
            Measurement measured = meter.end("run");
            Instant ended = Instant.now();
            EnergyAccount energy = CarbonAccounting.withShippedTable().account(measured, carbon);
            RunRecord record = new RunRecord(spec, inputs.attempt(), outcome.modelParams(),
                    HostInfo.of(meter.host(), TorchThreads.intraOp()), started, ended, outcome.steps(), outcome.examples(),
                    outcome.tokensReal(), outcome.tokensPadded(),
                    energy, EnergyUnit.joulesToKwh(measured.totalJoules() - trainingJoules), outcome.metricName(),
                    outcome.metricValue(), outcome.status(), outcome.error(), outcome.stopReason(),
                    inputs.codeVersion(), inputs.configHash());
            return new AttemptResult(record, outcome.stepRecords(), meter.samples(), withEmissions(outcome.evals(), energy));
        }
    }

    private static TrainingInputs runInputs(AttemptInputs inputs, TaskData data, List<String> gpus) {
        Path root = Path.of(inputs.checkpointRoot());
        String initRun = inputs.spec().model().initRunId();
        Path init = initRun != null ? root.resolve(initRun)
                : inputs.spec().model().init().equals("scratch") ? null : Path.of(inputs.spec().model().init());
        Path output = inputs.saveCheckpoint() ? root.resolve(inputs.spec().runId()) : null;
        return new TrainingInputs(data.info(), data.train(), data.eval(), inputs.vocabSize(), init, output,
                inputs.tokenizerFile() == null ? null : Path.of(inputs.tokenizerFile()), gpus, inputs.evalEverySteps());
    }

    /** Watches the run: reads the meter, opens the training window, prints a step line every few seconds. */
    private static TrainingObserver observer(EnergyMeter meter, RunSpec spec, AtomicBoolean training, Consumer<String> progress) {
        return new TrainingObserver() {
            private long lastPrintNanos;

            @Override
            public double joulesSoFar() {
                return meter.joulesSoFar();
            }

            @Override
            public void trainingStarts() {
                meter.begin(TRAINING_WINDOW);
                training.set(true);
            }

            @Override
            public void onStep(StepRecord step) {
                // A line every few seconds: enough to watch a run, not a line per step.
                long now = System.nanoTime();
                if (now - lastPrintNanos < PROGRESS_INTERVAL_NANOS && step.step() > 1) {
                    return;
                }
                lastPrintNanos = now;
                progress.accept(String.format(java.util.Locale.ROOT,
                        "run %s step %d epoch %d loss %.4f lr %.2e %.0f tokens/s %.1f W",
                        spec.runId(), step.step(), step.epoch(), step.loss(), step.learningRate(),
                        step.tokensPadded() / Math.max(step.stepSeconds(), 1e-9),
                        step.energyJoules() / Math.max(step.stepSeconds(), 1e-9)));
            }
        };
    }

    /** Evaluations carry energy so far; emissions scale with it by the run's own factor. */
    private static List<EvalPoint> withEmissions(List<EvalPoint> evals, EnergyAccount energy) {
        double co2PerKwh = energy.kwh() > 0 ? energy.co2Kg() / energy.kwh() : 0;
        List<EvalPoint> out = new ArrayList<>(evals.size());
        for (EvalPoint e : evals) {
            out.add(new EvalPoint(e.step(), e.metricName(), e.metricValue(), e.energyKwhSoFar(), e.energyKwhSoFar() * co2PerKwh));
        }
        return out;
    }
}
