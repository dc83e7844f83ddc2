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

    /** The sweep of a conf file, as `--config` reads it. */
    private static SweepSettings fromFile(java.nio.file.Path dir, String hocon) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("sweep.conf"), hocon);
        ConfigReader in = new ConfigReader(LayeredConfig.load(file, Map.of(), Map.of()));
        SweepSettings settings = SweepSettings.read(in);
        in.finish();
        return settings;
    }

    @Test
    void taskGrids_replaceTheListsTheyName_forTheirTaskOnly(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String tasks = "ftenergy.sweep.finetune { tasks = [sentiment-sentences, spam-emails], models = [teacher], seeds = [1]\n"
                + "  grid { lr = [1e-4, 2e-4], epochs = [3] }\n";
        SweepSettings plain = fromFile(dir, tasks + "}\n");
        SweepSettings tuned = fromFile(dir, tasks + "  task-grids { spam-emails { lr = [3e-5], epochs = [4, 5] } }\n}\n");
        java.util.List<RunSpec> spam = SweepPlanner.plan(tuned).ofKind(RunKind.FINETUNE).stream()
                .filter(run -> run.task().equals("spam-emails")).toList();
        assertEquals(2, spam.size(), "one lr x two epochs");
        assertTrue(spam.stream().allMatch(run -> run.hyperparameters().learningRate() == 3e-5), spam.toString());
        assertEquals(Set.of(4, 5), new HashSet<>(spam.stream().map(run -> run.hyperparameters().epochs()).toList()));
        // The lists it does not name are the grid's; the other task keeps the grid, and its run ids.
        assertTrue(spam.stream().allMatch(run -> run.hyperparameters().batchSize()
                == plain.finetune().grid().batchSizes().get(0)), spam.toString());
        java.util.function.Function<SweepSettings, java.util.List<RunSpec>> sentiment = settings -> SweepPlanner.plan(settings)
                .ofKind(RunKind.FINETUNE).stream().filter(run -> run.task().equals("sentiment-sentences")).toList();
        assertEquals(sentiment.apply(plain), sentiment.apply(tuned));
        assertEquals(java.util.List.of(3e-5), tuned.finetune().gridFor("spam-emails").learningRates());
    }

    @Test
    void taskGrids_mustNameTasksOfTheSweepAndGridLists(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        ConfigError error = assertThrows(ConfigError.class, () -> fromFile(dir, """
                ftenergy.sweep.finetune {
                  tasks = [sentiment-sentences]
                  task-grids {
                    spam-emails { lr = [3e-5] }
                    sentiment-sentences { learning-rate = [3e-5], max-seq-len = [4] }
                  }
                }
                """));
        String message = error.getMessage();
        assertTrue(message.contains("ftenergy.sweep.finetune.task-grids.spam-emails (") && message.contains("sweep.conf: 4)")
                && message.contains("names no task of finetune.tasks [sentiment-sentences]"), message);
        assertTrue(message.contains("ftenergy.sweep.finetune.task-grids.sentiment-sentences.learning-rate (")
                && message.contains("not a grid list; expected one of lr, batch-size"), message);
        assertTrue(message.contains("ftenergy.sweep.finetune.task-grids.sentiment-sentences.max-seq-len (")
                && message.contains("every value must be >= 8, found 4"), message);
    }

    @Test
    void shippedSweeps_planWithoutProblems() {
        for (String name : java.util.List.of("demo", "paper", "paper-distilbert")) {
            ConfigReader in = new ConfigReader(LayeredConfig.load(
                    java.nio.file.Path.of("..", "conf", "sweeps", name + ".conf"), Map.of(), Map.of()));
            SweepSettings settings = SweepSettings.read(in);
            in.finish();
            assertTrue(SweepPlanner.plan(settings).ofKind(RunKind.FINETUNE).size() > 0, name);
        }
        ConfigReader in = new ConfigReader(LayeredConfig.load(java.nio.file.Path.of("..", "conf", "sweeps", "paper.conf"),
                Map.of(), Map.of()));
        SweepSettings paper = SweepSettings.read(in);
        // Extractive QA reads question and passage together: its own max length, the other tasks the grid's.
        for (RunSpec run : SweepPlanner.plan(paper).ofKind(RunKind.FINETUNE)) {
            assertEquals(run.task().startsWith("squad") ? 384 : 128, run.hyperparameters().maxSeqLen(), run.task());
        }
        ConfigReader distilbert = new ConfigReader(LayeredConfig.load(
                java.nio.file.Path.of("..", "conf", "sweeps", "paper-distilbert.conf"), Map.of(), Map.of()));
        SweepSettings released = SweepSettings.read(distilbert);
        assertTrue(released.teacher().init().endsWith("/.cache/ftenergy/models/distilbert-base-uncased"), released.teacher().init());
        assertTrue(released.tokenizer().vocabFile().endsWith("/distilbert-base-uncased/vocab.txt"), released.tokenizer().vocabFile());
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

    @Test
    void student_isNamedAfterItsOwnLayers_keepingItsRunIds() {
        SweepPlan plan = SweepPlanner.plan(settings(Map.of()));
        RunSpec distill = plan.ofKind(RunKind.DISTILL).get(0);
        assertEquals("distil-bert-1l-128h", distill.model().name(), "the 1-layer student of bert-2l-128h");
        assertEquals(1, distill.model().layers());
        assertTrue(plan.ofKind(RunKind.FINETUNE).stream().filter(r -> r.model().init().equals("run:" + distill.runId()))
                .allMatch(r -> r.model().name().equals("distil-bert-1l-128h")));
        // RunIdentityTest holds the ids: the display name is not part of what defines the run.
    }
}
