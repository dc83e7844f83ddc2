package ftenergy.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImdbReaderTest {

    @Test
    void folder_labelsFromSubfolders_ignoresUnsup_reportsEmptyReview() {
        ReadResult<TextRecord> r = ImdbReader.folder().read(Fixtures.path("imdb/train"), Fixtures.lenient());

        assertEquals(List.of("neg/0_3", "pos/0_9", "pos/1_7"), r.records().stream().map(TextRecord::id).toList());
        assertEquals(List.of("neg", "pos", "pos"), r.records().stream().map(TextRecord::label).toList());
        assertEquals(1, r.issues().size());
        assertTrue(r.issues().get(0).file().endsWith("1_1.txt"));
        assertEquals("empty review", r.issues().get(0).problem());
    }

    @Test
    void csv_quotedFieldsSpanLines_badLabelReportedAtRowStart() {
        ReadResult<TextRecord> r = ImdbReader.csv("review", "sentiment", List.of("negative", "positive"))
                .read(Fixtures.path("imdb/reviews.csv"), Fixtures.lenient());

        assertEquals(4, r.records().size());
        TextRecord multiline = r.records().get(1);
        assertTrue(multiline.text().contains("\"and\" gives a comforting,\nand sometimes"), multiline.text());
        assertEquals("3", multiline.id());
        assertEquals("Petter Mattei's \"Love in the Time of Money\" is a visually stunning film to watch.",
                r.records().get(3).text());
        assertEquals(1, r.issues().size());
        assertEquals(6, r.issues().get(0).line());
    }

    @Test
    void jsonl_classIndexBecomesLabelName_brokenLinesReported() {
        ReadResult<TextRecord> r = ImdbReader.jsonl().read(Fixtures.path("imdb/reviews.jsonl"), Fixtures.lenient());

        assertEquals(List.of("neg", "pos", "pos"), r.records().stream().map(TextRecord::label).toList());
        assertEquals(List.of(3L, 4L), r.issues().stream().map(ReadIssue::line).toList());
        assertTrue(r.issues().get(0).problem().startsWith("invalid JSON"));
        assertTrue(r.issues().get(1).problem().contains("index 7 outside 0..1"));
    }

    @Test
    void csv_brokenQuoting_failsAtTheRowItStarts(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("reviews.csv");
        Files.writeString(csv, "review,sentiment\n\"fine\",positive\n\"never closed,\nnegative\n");

        TaskDataException e = assertThrows(TaskDataException.class,
                () -> ImdbReader.csv("review", "sentiment", List.of()).read(csv, Fixtures.lenient()));

        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(csv + ":3: broken quoting"), e.getMessage());
    }
}
