package ftenergy.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON lines, one object per line, as HuggingFace {@code datasets} exports them.
 *
 * <p>Labels may be names or class indices (the {@code ClassLabel} export); an index is turned into
 * the name at that position of the task's labels, and {@code -1} (unlabelled test data) into
 * {@code null}. Parquet exports are read on the Spark side, not here.
 */
public final class JsonlReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses one line's object into a record, or throws {@link Malformed} with the reason. */
    @FunctionalInterface
    private interface LineParser<T extends TaskRecord> {
        T parse(JsonNode node, long line);
    }

    private static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String problem) {
            super(problem, null, false, false);
        }
    }

    private JsonlReader() {}

    /** Single texts or text pairs with a class label. */
    public static TaskReader<TextRecord> text(ColumnMapping mapping, List<String> labels) {
        List<String> allowed = List.copyOf(labels);
        return (source, budget) -> read(source, budget, (node, line) -> new TextRecord(
                id(node, mapping.idField(), line),
                requiredText(node, mapping.textField()),
                mapping.pairField() == null ? null : requiredText(node, mapping.pairField()),
                label(node.get(mapping.labelField()), mapping.labelField(), allowed)));
    }

    /**
     * Token classification: a list of words and a parallel list of tags (HuggingFace's conll2003
     * export: {@code "tokens"} and {@code "ner_tags"} as class indices).
     */
    public static TaskReader<TaggedRecord> tagged(String idField, String wordsField, String tagsField, List<String> labels) {
        List<String> allowed = List.copyOf(labels);
        return (source, budget) -> read(source, budget, (node, line) -> {
            JsonNode words = node.get(wordsField);
            JsonNode tags = node.get(tagsField);
            if (words == null || !words.isArray() || tags == null || !tags.isArray()) {
                throw new Malformed("'" + wordsField + "' and '" + tagsField + "' must be arrays");
            }
            if (words.size() != tags.size() || words.isEmpty()) {
                throw new Malformed(words.size() + " words but " + tags.size() + " tags");
            }
            List<String> w = new ArrayList<>();
            List<String> t = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                w.add(words.get(i).asText());
                String tag = label(tags.get(i), tagsField, allowed);
                if (tag == null) {
                    throw new Malformed("word " + i + " has no tag");
                }
                t.add(tag);
            }
            return new TaggedRecord(id(node, idField, line), w, t);
        });
    }

    /**
     * Extractive QA as HuggingFace exports SQuAD: {@code id, question, context} and
     * {@code answers: {text: [...], answer_start: [...]}}; empty lists mean unanswerable.
     */
    public static TaskReader<QaRecord> qa() {
        return (source, budget) -> read(source, budget, (node, line) -> {
            JsonNode answers = node.get("answers");
            if (answers == null || !answers.path("text").isArray() || !answers.path("answer_start").isArray()
                    || answers.get("text").size() != answers.get("answer_start").size()) {
                throw new Malformed("'answers' must hold equally long 'text' and 'answer_start' lists");
            }
            String context = requiredText(node, "context");
            List<QaRecord.Answer> list = new ArrayList<>();
            for (int i = 0; i < answers.get("text").size(); i++) {
                list.add(new QaRecord.Answer(answers.get("text").get(i).asText(), answers.get("answer_start").get(i).asInt()));
            }
            try {
                return new QaRecord(id(node, "id", line), requiredText(node, "question"), context, list);
            } catch (IllegalArgumentException e) {
                throw new Malformed(e.getMessage());
            }
        });
    }

    private static <T extends TaskRecord> ReadResult<T> read(Path source, ErrorBudget budget, LineParser<T> parser) {
        String file = source.toString();
        List<T> records = new ArrayList<>();
        List<ReadIssue> issues = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
            String line;
            long lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = JSON.readTree(line);
                    if (!node.isObject()) {
                        throw new Malformed("not a JSON object");
                    }
                    records.add(parser.parse(node, lineNo));
                } catch (JsonProcessingException e) {
                    issues.add(new ReadIssue(file, lineNo, "invalid JSON: " + e.getOriginalMessage()));
                } catch (Malformed e) {
                    issues.add(new ReadIssue(file, lineNo, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new TaskDataException(file, "cannot read JSON lines: " + e.getMessage(), e);
        }
        return budget.check(new ReadResult<>(file, records, issues));
    }

    private static String id(JsonNode node, String idField, long line) {
        if (idField == null) {
            return Long.toString(line);
        }
        JsonNode id = node.get(idField);
        if (id == null || id.isNull()) {
            throw new Malformed("no '" + idField + "'");
        }
        return id.asText();
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new Malformed("'" + field + "' is missing, not a string or blank");
        }
        return value.asText();
    }

    private static String label(JsonNode value, String field, List<String> labels) {
        if (value == null || value.isNull()) {
            throw new Malformed("no '" + field + "'");
        }
        if (value.isIntegralNumber()) {
            int index = value.asInt();
            if (index == -1) {
                return null;
            }
            if (labels.isEmpty()) {
                return Integer.toString(index);
            }
            if (index < 0 || index >= labels.size()) {
                throw new Malformed("'" + field + "' index " + index + " outside 0.." + (labels.size() - 1));
            }
            return labels.get(index);
        }
        if (!value.isTextual()) {
            throw new Malformed("'" + field + "' is neither a label name nor a class index");
        }
        if (!labels.isEmpty() && !labels.contains(value.asText())) {
            throw new Malformed("label '" + value.asText() + "' is not one of " + labels);
        }
        return value.asText();
    }
}
