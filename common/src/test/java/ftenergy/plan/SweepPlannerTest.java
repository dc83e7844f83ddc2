package ftenergy.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.config.ConfigError;
import ftenergy.config.ConfigReader;
import ftenergy.config.LayeredConfig;
import ftenergy.run.RunKind;
import ftenergy.run.RunSpec;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SweepPlannerTest {

    static SweepSettings settings(Map<String, String> overrides) {
        ConfigReader in = new ConfigReader(LayeredConfig.load(null, Map.of(), overrides));
        SweepSettings settings = SweepSettings.read(in);
        in.finish();
        return settings;
    }

    @Test
    void defaults_expandPretrainDistillFinetunesAndInference() {
        SweepPlan plan = SweepPlanner.plan(settings(Map.of()));
        assertEquals(1, plan.ofKind(RunKind.PRETRAIN).size());
        assertEquals(1, plan.ofKind(RunKind.DISTILL).size());
        assertEquals(1 * 2 * 1 * 3, plan.ofKind(RunKind.FINETUNE).size(), "task x models x grid x seeds");
        assertEquals(1 * 2 * 2, plan.ofKind(RunKind.INFERENCE).size(), "task x models x batch sizes");
    }

    @Test
    void runIds_areStableAndDistinct() {
        SweepPlan first = SweepPlanner.plan(settings(Map.of()));
        SweepPlan second = SweepPlanner.plan(settings(Map.of()));
        assertEquals(first.runs(), second.runs());
        Set<String> ids = new HashSet<>();
        first.runs().forEach(run -> ids.add(run.runId()));
        assertEquals(first.runs().size(), ids.size());
        SweepPlan renamed = SweepPlanner.plan(settings(Map.of("ftenergy.sweep.id", "other")));
        assertNotEquals(first.runs().get(0).runId(), renamed.runs().get(0).runId());
    }

    @Test
    void dependencies_comeFirstAndPointToTheRightCheckpoints() {
        SweepPlan plan = SweepPlanner.plan(settings(Map.of()));
        Set<String> seen = new HashSet<>();
        for (RunSpec run : plan.runs()) {
            assertTrue(seen.containsAll(run.dependsOn()), run.runId() + " planned before its dependencies");
            seen.add(run.runId());
        }
        RunSpec pretrain = plan.ofKind(RunKind.PRETRAIN).get(0);
        RunSpec distill = plan.ofKind(RunKind.DISTILL).get(0);
        assertEquals("run:" + pretrain.runId(), distill.model().init());
        assertEquals(pretrain.model().layers() / 2, distill.model().layers());
        long students = plan.ofKind(RunKind.FINETUNE).stream().filter(r -> r.model().init().equals("run:" + distill.runId())).count();
        assertEquals(3, students);
    }

    @Test
    void randomSamples_drawsThatManyGridPointsDeterministically() {
        Map<String, String> grid = Map.of("ftenergy.sweep.finetune.grid.lr", "[1e-4, 2e-4, 3e-4, 4e-4]",
                "ftenergy.sweep.finetune.random-samples", "2", "ftenergy.sweep.finetune.seeds", "[1]",
                "ftenergy.sweep.finetune.models", "[teacher]");
        SweepPlan plan = SweepPlanner.plan(settings(grid));
        assertEquals(2, plan.ofKind(RunKind.FINETUNE).size());
        assertEquals(plan.runs(), SweepPlanner.plan(settings(grid)).runs());
    }

    @Test
    void impossibleValues_areAllReportedWithTheirKeys() {
        ConfigError error = assertThrows(ConfigError.class, () -> settings(Map.of(
                "ftenergy.sweep.finetune.seeds", "[]",
                "ftenergy.sweep.finetune.grid.batch-size", "[-4]",
                "ftenergy.sweep.finetune.models", "[teacher, stduent]")));
        String message = error.getMessage();
        assertTrue(message.contains("ftenergy.sweep.finetune.seeds (command line: 1): must list at least one value"), message);
        assertTrue(message.contains("ftenergy.sweep.finetune.grid.batch-size (command line: 1): every value must be > 0, found -4"), message);
        assertTrue(message.contains("unknown model 'stduent'"), message);
    }

    @Test
    void earlyStop_goesOnFineTunesOnlyAndRenamesOnlyThem() {
        SweepPlan plain = SweepPlanner.plan(settings(Map.of()));
        SweepPlan stopping = SweepPlanner.plan(settings(Map.of(
                "ftenergy.sweep.finetune.early-stop.metric", "accuracy",
                "ftenergy.sweep.finetune.early-stop.target", "0.9")));
        for (RunKind kind : RunKind.values()) {
            for (int i = 0; i < plain.ofKind(kind).size(); i++) {
                RunSpec before = plain.ofKind(kind).get(i);
                RunSpec after = stopping.ofKind(kind).get(i);
                if (kind == RunKind.FINETUNE) {
                    assertEquals("accuracy>=0.9", after.stopRule().toString());
                    assertNotEquals(before.runId(), after.runId());
                } else if (kind != RunKind.INFERENCE) {
                    assertEquals(null, after.stopRule());
                    assertEquals(before.runId(), after.runId());
                }
                assertEquals(null, before.stopRule());
            }
        }
    }

    @Test
    void earlyStop_needsAKnownMetricAndATarget() {
        ConfigError half = assertThrows(ConfigError.class, () -> settings(Map.of(
                "ftenergy.sweep.finetune.early-stop.metric", "accuracy")));
        assertTrue(half.getMessage().contains("ftenergy.sweep.finetune.early-stop.target"), half.getMessage());
        assertTrue(half.getMessage().contains("needs both a metric and a target"), half.getMessage());
        ConfigError unknown = assertThrows(ConfigError.class, () -> settings(Map.of(
                "ftenergy.sweep.finetune.early-stop.metric", "acuracy",
                "ftenergy.sweep.finetune.early-stop.target", "0.9")));
        assertTrue(unknown.getMessage().contains("unknown metric 'acuracy'; runs report accuracy, f1"), unknown.getMessage());
    }
}
