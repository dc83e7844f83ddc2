package ftenergy.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.text.TextTokenizer;
import ftenergy.text.TokenizerFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperTasksTest {

    @Test
    void everyStandardFixture_readsAndEncodesForItsTask(@TempDir Path dir) throws IOException {
        TokenizerFile.fromVocabTxt(Fixtures.path("bert/vocab.txt"), true, dir.resolve("tokenizer.json"));
        Map<TaskInfo, String> fixtures = Map.of(
                PaperTasks.SST2, "glue/sst2_train.tsv",
                PaperTasks.MNLI, "glue/mnli_train.tsv",
                PaperTasks.RTE, "glue/rte_dev.tsv",
                PaperTasks.IMDB, "imdb/train",
                PaperTasks.SQUAD_V1, "squad/v1.json",
                PaperTasks.SQUAD_V2, "squad/v2.json",
                PaperTasks.CONLL2003, "conll/eng.train");
        Map<String, Integer> expected = Map.of("sst2", 5, "mnli", 4, "rte", 3, "imdb", 3, "squad_v1", 2, "squad_v2", 2, "conll2003", 3);
        try (TextTokenizer tokenizer = TextTokenizer.load(dir.resolve("tokenizer.json"), 64)) {
            for (TaskInfo task : PaperTasks.ALL) {
                ReadResult<? extends TaskRecord> read = PaperTasks.standardReader(task).read(Fixtures.path(fixtures.get(task)), new ErrorBudget(0.6));
                List<Example> examples = new ExampleEncoder(tokenizer, task).encodeAll(Splits.TRAIN, read.records());
                assertEquals(expected.get(task.name()), examples.size(), task.name());
                assertEquals(task.name(), examples.get(0).task());
            }
        }
    }

    @Test
    void unknownTask_namesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PaperTasks.standardReader(SentimentSentences.INFO));
        assertTrue(e.getMessage().contains("sst2"), e.getMessage());
    }
}
