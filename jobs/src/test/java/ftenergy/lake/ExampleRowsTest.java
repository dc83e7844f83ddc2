package ftenergy.lake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.data.Example;
import ftenergy.data.ExampleEncoder;
import ftenergy.data.QaRecord;
import ftenergy.data.QaSettings;
import ftenergy.data.TaggedRecord;
import ftenergy.data.TaskInfo;
import ftenergy.data.TaskType;
import ftenergy.text.TextTokenizer;
import ftenergy.text.TokenizerFile;
import ftenergy.text.Vocabulary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Examples survive a real Delta {@code examples} table: QA windows, offsets, gold answers and the task's answer rule. */
class ExampleRowsTest {

    @TempDir
    Path dir;

    @Test
    void qaWindowsAndTaggedSentences_roundTripThroughTheExamplesTable() throws Exception {
        List<String> tokens = new ArrayList<>(Vocabulary.SPECIALS);
        tokens.addAll(List.of("the", "tower", "stands", "in", "paris", "and", "who", "?", "b-per"));
        Path tokenizerFile = dir.resolve("tokenizer.json");
        TokenizerFile.write(new Vocabulary(tokens), true, tokenizerFile);
        TaskInfo qa = new TaskInfo("qa", TaskType.SPAN_QA, List.of(), null, QaSettings.squadV1().withWindows(10, 2)
                .withNullScoreThreshold(1.5));
        TaskInfo ner = new TaskInfo("ner", TaskType.TOKEN_CLASSIFICATION, List.of("O", "B-LOC", "I-LOC"), "conll2003");
        String context = "the tower stands in paris and the tower stands";
        List<Example> examples = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try (TextTokenizer tokenizer = TextTokenizer.load(tokenizerFile, 32)) {
            for (Example e : new ExampleEncoder(tokenizer, qa).encode("validation", new QaRecord("q", "who?", context,
                    List.of(new QaRecord.Answer("paris", context.indexOf("paris")), new QaRecord.Answer("in paris", 17))))) {
                examples.add(e);
                rows.add(ExampleRows.row(e, qa, "h", "d"));
            }
            Example tagged = new ExampleEncoder(tokenizer, ner).encode("train",
                    new TaggedRecord("7", List.of("in", "paris"), List.of("O", "B-LOC"))).get(0);
            examples.add(tagged);
            rows.add(ExampleRows.row(tagged, ner, "h", "d"));
        }
        SparkSession spark = TestSpark.session();
        String table = dir.resolve("examples").toString();
        spark.createDataFrame(rows, LakeTables.EXAMPLES.schema()).write().format("delta").save(table);

        List<Row> read = new ArrayList<>(spark.read().format("delta").load(table).collectAsList());
        read.sort(Comparator.comparing(r -> r.<String>getAs("example_id")));
        examples.sort(Comparator.comparing(Example::exampleId));

        assertTrue(examples.size() >= 4, "the context needs several 10-token windows: " + examples.size());
        for (int i = 0; i < examples.size(); i++) {
            Example expected = examples.get(i);
            Example actual = ExampleRows.example(read.get(i));
            assertEquals(expected.exampleId(), actual.exampleId());
            assertArrayEquals(expected.inputIds(), actual.inputIds());
            assertArrayEquals(expected.tokenLabels(), actual.tokenLabels());
            assertEquals(List.of(expected.spanStart(), expected.spanEnd()), List.of(actual.spanStart(), actual.spanEnd()));
            if (expected.window() == null) {
                assertNull(actual.window());
                assertEquals(ner, ExampleRows.task(read.get(i)));
            } else {
                assertEquals(List.of("paris", "in paris"), actual.window().goldAnswers());
                assertEquals(expected.window().context(), actual.window().context());
                assertArrayEquals(expected.window().contextStarts(), actual.window().contextStarts());
                assertArrayEquals(expected.window().contextEnds(), actual.window().contextEnds());
                assertEquals(qa, ExampleRows.task(read.get(i)));
            }
        }
    }
}
