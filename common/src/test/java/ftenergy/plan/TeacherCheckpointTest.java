package ftenergy.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.config.ConfigError;
import ftenergy.model.checkpoint.HuggingFaceDirs;
import ftenergy.run.ModelSpec;
import ftenergy.run.RunKind;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A HuggingFace directory as the sweep's teacher: its config.json gives the shape; a sweep that says otherwise is wrong. */
class TeacherCheckpointTest {

    @TempDir
    Path dir;

    private Map<String, String> teacher(Path checkpoint) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("ftenergy.sweep.teacher.checkpoint", checkpoint.toString());
        overrides.put("ftenergy.sweep.tokenizer.vocab-file", checkpoint.resolve("vocab.txt").toString());
        overrides.put("ftenergy.sweep.pretrain.enabled", "false");
        return overrides;
    }

    @Test
    void distilBertDirectory_givesTheTeachersShape_withoutShapeKeys() throws Exception {
        Path distil = dir.resolve("distilbert");
        HuggingFaceDirs.distilBert(distil, 1);

        SweepSettings settings = SweepPlannerTest.settings(teacher(distil));

        assertEquals(new ModelSpec("distilbert-2l-16h", 2, 16, 2, 32, distil.toString()), settings.teacher());
        SweepPlan plan = SweepPlanner.plan(settings);
        assertEquals(0, plan.ofKind(RunKind.PRETRAIN).size());
        assertTrue(plan.ofKind(RunKind.FINETUNE).stream().anyMatch(run -> run.model().init().equals(distil.toString())));
    }

    @Test
    void shapeKeysTheSweepSets_mustAgreeWithTheCheckpoint() throws Exception {
        Path bert = dir.resolve("bert");
        HuggingFaceDirs.bert(bert, 2);
        Map<String, String> agreeing = teacher(bert);
        agreeing.put("ftenergy.sweep.teacher.layers", "2");
        agreeing.put("ftenergy.sweep.teacher.hidden", "16");
        assertEquals(16, SweepPlannerTest.settings(agreeing).teacher().hidden());

        Map<String, String> wrong = teacher(bert);
        wrong.put("ftenergy.sweep.teacher.layers", "12");
        ConfigError e = assertThrows(ConfigError.class, () -> SweepPlannerTest.settings(wrong));
        assertTrue(e.getMessage().contains("ftenergy.sweep.teacher.layers") && e.getMessage().contains("is 12")
                && e.getMessage().contains("has 2") && e.getMessage().contains(bert.toString()), e.getMessage());
    }

    @Test
    void checkpointVocabulary_withoutVocabFile_isAConfigurationError() throws Exception {
        Path bert = dir.resolve("bert");
        HuggingFaceDirs.bert(bert, 3);
        Map<String, String> overrides = teacher(bert);
        overrides.remove("ftenergy.sweep.tokenizer.vocab-file");

        ConfigError e = assertThrows(ConfigError.class, () -> SweepPlannerTest.settings(overrides));
        assertTrue(e.getMessage().contains("ftenergy.sweep.tokenizer.vocab-file") && e.getMessage().contains("200-token"),
                e.getMessage());
    }

    @Test
    void checkpointNotThereYet_keepsTheStatedShape() {
        Map<String, String> overrides = teacher(dir.resolve("not-yet"));
        overrides.put("ftenergy.sweep.teacher.layers", "4");

        assertEquals(4, SweepPlannerTest.settings(overrides).teacher().layers());
    }
}
