package ftenergy.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.config.ConfigError;
import ftenergy.config.ConfigProblem;
import ftenergy.config.ConfigReader;
import ftenergy.config.LayeredConfig;
import ftenergy.data.QaSettings;
import ftenergy.data.StandInSource;
import ftenergy.plan.SweepSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskSettingsTest {

    @TempDir
    Path dir;

    private static final String MY_REVIEWS = """
            ftenergy.tasks.my-reviews {
              type = single-classification
              format = csv
              train = "/data/reviews/train.csv"
              validation = "/data/reviews/dev.csv"
              columns { text = "review", label = "stars" }
              labels = ["1", "2", "3", "4", "5"]
            }
            """;

    private Path conf(String text) throws IOException {
        Path file = dir.resolve("user.conf");
        Files.writeString(file, text);
        return file;
    }

    private static TaskSettings read(Path file) {
        ConfigReader in = new ConfigReader(LayeredConfig.load(file, Map.of(), Map.of()));
        TaskSettings tasks = TaskSettings.read(in);
        in.finish();
        return tasks;
    }

    private static List<ConfigProblem> problems(Path file) {
        ConfigReader in = new ConfigReader(LayeredConfig.load(file, Map.of(), Map.of()));
        TaskSettings.read(in);
        return in.problems();
    }

    private static ConfigProblem onlyProblem(Path file) {
        List<ConfigProblem> problems = problems(file);
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    @Test
    void declaredTask_isReadAsWritten() throws IOException {
        TaskDefinition task = read(conf(MY_REVIEWS)).declared("my-reviews").orElseThrow();
        assertEquals(TaskKind.SINGLE_CLASSIFICATION, task.kind());
        assertEquals(TaskFormat.CSV, task.format());
        assertEquals("/data/reviews/train.csv", task.train());
        assertEquals("/data/reviews/dev.csv", task.validation());
        assertEquals("review", task.columns().get(TaskColumns.TEXT));
        assertEquals("stars", task.columns().get(TaskColumns.LABEL));
        assertEquals(List.of("1", "2", "3", "4", "5"), task.labels());
        assertEquals(0.01, task.budget().maxErrorFraction(), "ftenergy.data.max-error-fraction");
        assertNull(task.standsInFor(), "real data stands in for nothing");
        assertTrue(task.origin("train").contains("user.conf: 4"), task.origin("train"));
        assertEquals("ftenergy.tasks.my-reviews.columns.text", task.key("columns.text"));
    }

    @Test
    void referenceConf_declaresTheStandInsAndThePapersTasks() {
        TaskSettings tasks = read(null);
        assertTrue(tasks.names().containsAll(List.of("sentiment-sentences", "spam-emails", "sentence-pairs", "cloze-spans",
                "brown-pos", "pretraining-corpus", "sst2", "mnli", "mnli_mismatched", "rte", "imdb", "squad", "squad_v2",
                "conll2003")), tasks.names().toString());
        TaskDefinition pairs = tasks.declared("sentence-pairs").orElseThrow();
        assertEquals(StandInSource.SENTENCE_PAIRS, pairs.source());
        assertEquals("mnli", pairs.standsInFor());
        assertEquals(20_000, pairs.maxRecords());
        TaskDefinition squadV2 = tasks.declared("squad_v2").orElseThrow();
        assertTrue(squadV2.unanswerable());
        assertEquals(TaskFormat.SQUAD, squadV2.format());
        assertEquals("{paper-root}/SQuAD/train-v2.0.json", squadV2.train());
        assertEquals("ner_tags", tasks.declared("conll2003").orElseThrow().hfParquet().columns().get(TaskColumns.TAGS));
    }

    @Test
    void paperRoot_resolvesTheBuiltInPathsAndTheirHuggingFaceExport() throws IOException {
        Path file = conf("ftenergy.data.paper-root = \"/data/paper/\"\n");
        ConfigReader in = new ConfigReader(LayeredConfig.load(file, Map.of(), Map.of()));
        TaskDefinition mnli = TaskSettings.read(in).select(in, "k", List.of("mnli"), EnumSet.allOf(TaskKind.class)).get(0);
        in.finish();
        assertEquals("/data/paper/MNLI/train.tsv", mnli.train());
        assertEquals("/data/paper/MNLI/dev_matched.tsv", mnli.validation());
        TaskDefinition export = mnli.hfParquet();
        assertEquals(TaskFormat.PARQUET, export.format());
        assertEquals("/data/paper/mnli/validation_matched{-*,/*,}.parquet", export.validation());
        assertEquals("premise", export.columns().get(TaskColumns.TEXT));
        assertEquals("ftenergy.tasks.mnli.hf-parquet.columns.text", export.key("columns.text"));
    }

    @Test
    void builtInUnderAnUnsetPaperRoot_isAProblemOnlyWhenASweepUsesIt() {
        ConfigReader in = new ConfigReader(LayeredConfig.load(null, Map.of(), Map.of()));
        TaskSettings tasks = TaskSettings.read(in);
        assertTrue(in.problems().isEmpty(), "declaring them is fine: " + in.problems());
        tasks.select(in, "ftenergy.sweep.finetune.tasks", List.of("rte"), EnumSet.allOf(TaskKind.class));
        ConfigProblem problem = in.problems().get(0);
        assertEquals("ftenergy.tasks.rte.train", problem.key());
        assertTrue(problem.origin().contains("reference.conf"), problem.origin());
        assertTrue(problem.message().contains("ftenergy.data.paper-root is not set"), problem.message());
    }

    @Test
    void spanQaKeys_setItsWindowsAndAnswerRule() throws IOException {
        TaskDefinition qa = read(conf("""
                ftenergy.tasks.my-qa {
                  type = span-qa
                  format = jsonl
                  train = "/data/qa.jsonl"
                  unanswerable = true
                  max-length = 256
                  doc-stride = 64
                  null-score-threshold = 1.5
                }
                """)).declared("my-qa").orElseThrow();
        assertEquals(new QaSettings(256, 64, true, 1.5), qa.qa());
        assertEquals(new QaSettings(256, 64, true, 1.5), qa.info(List.of()).qa(), "what the trainer and the scorer get");
        assertEquals(QaSettings.squadV1(), read(null).declared("squad").orElseThrow().qa(), "run_qa.py's windows, always answered");
    }

    @Test
    void windowsThatCannotOverlap_areAProblemOnTheStride() throws IOException {
        ConfigProblem problem = onlyProblem(conf("""
                ftenergy.tasks.my-qa { type = span-qa, format = jsonl, train = "/data/qa.jsonl", max-length = 64, doc-stride = 64 }
                """));
        assertEquals("ftenergy.tasks.my-qa.doc-stride", problem.key());
        assertTrue(problem.message().contains("cannot overlap by 64"), problem.message());
    }

    @Test
    void unknownKeyUnderATask_isRejectedWithTheNearestValidName() throws IOException {
        ConfigProblem problem = onlyProblem(conf(MY_REVIEWS + "ftenergy.tasks.my-reviews.validaton = x\n"));
        assertEquals("ftenergy.tasks.my-reviews.validaton", problem.key());
        assertTrue(problem.origin().contains("user.conf: 9"), problem.origin());
        assertTrue(problem.message().contains("did you mean 'ftenergy.tasks.my-reviews.validation'"), problem.message());
    }

    @Test
    void unknownColumnRole_isRejectedWithTheNearestValidName() throws IOException {
        ConfigProblem problem = onlyProblem(conf(MY_REVIEWS + "ftenergy.tasks.my-reviews.columns.lable = y\n"));
        assertEquals("ftenergy.tasks.my-reviews.columns.lable", problem.key());
        assertTrue(problem.message().contains("did you mean 'ftenergy.tasks.my-reviews.columns.label'"), problem.message());
    }

    @Test
    void unknownFormat_namesTheNearestOne() throws IOException {
        ConfigProblem problem = onlyProblem(conf(MY_REVIEWS + "ftenergy.tasks.my-reviews.format = parquett\n"));
        assertEquals("ftenergy.tasks.my-reviews.format", problem.key());
        assertTrue(problem.message().contains("did you mean 'parquet'"), problem.message());
    }

    @Test
    void typeTheFormatCannotGive_isAProblemOnTheType() throws IOException {
        Path file = conf("""
                ftenergy.tasks.ner {
                  type = single-classification
                  format = conll
                  train = "/data/eng.train"
                }
                """);
        ConfigProblem problem = onlyProblem(file);
        assertEquals("ftenergy.tasks.ner.type", problem.key());
        assertTrue(problem.origin().contains("user.conf: 2"), problem.origin());
        assertEquals("format conll cannot give type single-classification; it gives token-classification", problem.message());
    }

    @Test
    void pairTaskWithoutItsSecondText_namesTheMissingColumn() throws IOException {
        ConfigProblem problem = onlyProblem(conf(MY_REVIEWS + "ftenergy.tasks.my-reviews.type = pair-classification\n"));
        assertEquals("ftenergy.tasks.my-reviews.columns.text-pair", problem.key());
        assertTrue(problem.message().contains("reads text, text-pair, label"), problem.message());
    }

    @Test
    void keyOfAnotherType_isRejectedNotIgnored() throws IOException {
        ConfigProblem problem = onlyProblem(conf(MY_REVIEWS + "ftenergy.tasks.my-reviews.unanswerable = true\n"));
        assertEquals("ftenergy.tasks.my-reviews.unanswerable", problem.key());
        assertTrue(problem.message().contains("applies only to type span-qa"), problem.message());
    }

    @Test
    void standInOfTheWrongType_namesWhatItsSourceGives() throws IOException {
        ConfigProblem problem = onlyProblem(conf(
                "ftenergy.tasks.odd { type = span-qa, format = stand-in, source = brown-pos, stands-in-for = squad }\n"));
        assertEquals("ftenergy.tasks.odd.type", problem.key());
        assertTrue(problem.message().contains("brown-pos gives token-classification, not span-qa"), problem.message());
    }

    @Test
    void unknownTaskInASweep_isAProblemOnTheSweepsKeyWithTheNearestName() throws IOException {
        Path file = conf("ftenergy.sweep {\n  finetune.tasks = [\"sentiment-sentences\", \"spam-email\"]\n}\n");
        ConfigReader in = new ConfigReader(LayeredConfig.load(file, Map.of(), Map.of()));
        SweepSettings.read(in);
        ConfigError error = assertThrows(ConfigError.class, in::finish);
        assertEquals(1, error.problems().size(), error.getMessage());
        ConfigProblem problem = error.problems().get(0);
        assertEquals("ftenergy.sweep.finetune.tasks", problem.key());
        assertTrue(problem.origin().contains("user.conf: 2"), problem.origin());
        assertTrue(problem.message().startsWith("unknown task 'spam-email'; did you mean 'spam-emails'?"), problem.message());
    }

    @Test
    void corpusMustBeAMaskedLmTask() throws IOException {
        ConfigProblem problem = onlyProblemOfSweep(conf("ftenergy.sweep.corpus = sentiment-sentences\n"));
        assertEquals("ftenergy.sweep.corpus", problem.key());
        assertTrue(problem.message().contains("is single-classification; here the task must be masked-lm"), problem.message());
    }

    @Test
    void sweepTasks_comeWithTheirDefinitionsCorpusFirst() {
        ConfigReader in = new ConfigReader(LayeredConfig.load(null, Map.of(), Map.of()));
        SweepSettings sweep = SweepSettings.read(in);
        in.finish();
        assertEquals(List.of("pretraining-corpus", "sentiment-sentences"), sweep.tasks().stream().map(TaskDefinition::name).toList());
        assertNull(sweep.task("sentiment-sentences").train());
    }

    private static ConfigProblem onlyProblemOfSweep(Path file) {
        ConfigReader in = new ConfigReader(LayeredConfig.load(file, Map.of(), Map.of()));
        SweepSettings.read(in);
        assertEquals(1, in.problems().size(), in.problems().toString());
        return in.problems().get(0);
    }
}
