package ftenergy.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigRenderOptions;
import ftenergy.attempt.AttemptInputs;
import ftenergy.attempt.RunAttempt;
import ftenergy.attempt.SweepProvenance;
import ftenergy.attempt.TaskData;
import ftenergy.config.LayeredConfig;
import ftenergy.data.Example;
import ftenergy.data.TaskInfo;
import ftenergy.data.TaskType;
import ftenergy.provenance.RuntimeVersions;
import ftenergy.run.AttemptResult;
import ftenergy.run.EnergyParts;
import ftenergy.run.RunKind;
import ftenergy.run.RunSpec;
import ftenergy.run.RunStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole metered training attempt on this host's real meter (TDP model or RAPL, whichever the
 * host has): its energy split into setup, steps, evaluation and checkpoint windows that add up to
 * the run, and its provenance.
 */
@ExtendWith(SingleThreadTorch.class)
class MeteredAttemptTest {

    @TempDir
    Path dir;

    @Test
    void fineTune_partsAddUpToTheRun_eachMeasured() {
        List<Example> all = SyntheticTasks.sentiment(64, 3);
        TaskData data = new TaskData(SyntheticTasks.task("toy", TaskType.SEQUENCE_CLASSIFICATION, List.of("neg", "pos")),
                all.subList(0, 48), all.subList(48, 64));
        AttemptResult result = attempt(data, 6, 2);
        var run = result.run();
        assertEquals(RunStatus.SUCCEEDED, run.status(), run.error());
        EnergyParts parts = run.parts();
        assertTrue(parts.setupKwh() > 0 && parts.stepsKwh() > 0 && parts.evaluationKwh() > 0 && parts.checkpointKwh() > 0,
                parts.toString());
        // Each part is a meter window of the run's: they add up to the run within floating-point rounding.
        assertEquals(run.energy().kwh(), parts.totalKwh(), run.energy().kwh() * 1e-9, parts.toString());
        // Evaluated after steps 2 and 4 and at the end (step 6): three passes over the 16 evaluation examples.
        assertEquals(List.of(2L, 4L, 6L), result.evals().stream().map(ftenergy.run.EvalPoint::step).distinct().toList());
        assertTrue(run.work().tokensEvaluated() > 0 && run.work().tokensEvaluated() % 3 == 0, run.work().toString());
        assertTrue(run.provenance().dataVersion().matches("[0-9a-f]{16}"), run.provenance().toString());
        assertEquals("tok-hash", run.provenance().tokenizerVersion());
        String runtime = run.provenance().runtime();
        assertTrue(runtime.startsWith("java=") && runtime.contains("; djl=") && runtime.contains("; pytorch=")
                && runtime.endsWith("; spark=test"), runtime);
    }

    @Test
    void dataVersion_followsTheExamplesRead() {
        List<Example> all = SyntheticTasks.sentiment(64, 3);
        TaskInfo task = SyntheticTasks.task("toy", TaskType.SEQUENCE_CLASSIFICATION, List.of("neg", "pos"));
        String version = new TaskData(task, all.subList(0, 48), all.subList(48, 64)).version();
        assertEquals(version, new TaskData(task, List.copyOf(all.subList(0, 48)), all.subList(48, 64)).version());
        assertNotEquals(version, new TaskData(task, all.subList(0, 47), all.subList(48, 64)).version(), "one example fewer");
        assertNotEquals(version, new TaskData(task, all.subList(0, 48), all.subList(49, 64)).version(), "another evaluation split");
        List<Example> relabelled = new java.util.ArrayList<>(all.subList(0, 48));
        Example first = relabelled.get(0);
        relabelled.set(0, new Example(first.task(), first.split(), first.exampleId(), first.inputIds(), first.typeIds(),
                1 - first.label(), first.tokenLabels(), first.spanStart(), first.spanEnd()));
        assertNotEquals(version, new TaskData(task, relabelled, all.subList(48, 64)).version(), "one label changed");
    }

    private AttemptResult attempt(TaskData data, int steps, int evalEvery) {
        RunSpec spec = SyntheticTasks.spec(RunKind.FINETUNE, SyntheticTasks.TINY, SyntheticTasks.hyperparameters(1e-3, 8, steps), 5);
        String config = LayeredConfig.load(null, Map.of(), Map.of("ftenergy.meter.sample-interval", "50ms")).root()
                .render(ConfigRenderOptions.concise());
        SweepProvenance provenance = new SweepProvenance("test", "cfg", "tok-hash",
                new RuntimeVersions(Map.of()).with("spark", "test"));
        AttemptInputs inputs = new AttemptInputs(spec, 1, dir.toString(), true, null, SyntheticTasks.VOCAB, evalEvery, config,
                provenance);
        return RunAttempt.execute(inputs, () -> data, List.of(), 0, line -> {});
    }
}
