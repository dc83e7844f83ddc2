package ftenergy.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * SQuAD's JSON ({@code data[].paragraphs[].{context, qas[]}}), v1.1 and v2.0.
 *
 * <p>Streams the file so each question is reported with the line its object starts on. Every gold
 * answer is kept, in order (SQuAD's evaluation sets list several per question, duplicates
 * included). In v2.0 a question with {@code "is_impossible": true} becomes a record without
 * answers; its {@code plausible_answers} are read into {@link QaRecord#plausibleAnswers()}, never
 * as gold.
 *
 * @param allowUnanswerable {@code true} for v2.0; for v1.1 a question without answers is malformed
 */
public record SquadReader(boolean allowUnanswerable) implements TaskReader<QaRecord> {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** SQuAD v1.1: every question has at least one answer. */
    public static SquadReader v1() {
        return new SquadReader(false);
    }

    /** SQuAD v2.0: questions may be unanswerable. */
    public static SquadReader v2() {
        return new SquadReader(true);
    }

    /** A question object awaiting its paragraph's context (which may come after {@code qas}). */
    private record PendingQuestion(JsonNode node, long line) {}

    @Override
    public ReadResult<QaRecord> read(Path source, ErrorBudget budget) {
        String file = source.toString();
        List<QaRecord> records = new ArrayList<>();
        List<ReadIssue> issues = new ArrayList<>();
        try (JsonParser p = JSON.getFactory().createParser(source.toFile())) {
            expect(p.nextToken(), JsonToken.START_OBJECT, p, file);
            boolean sawData = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("data")) {
                    sawData = true;
                    expect(p.currentToken(), JsonToken.START_ARRAY, p, file);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        readArticle(p, file, records, issues);
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!sawData) {
                throw new TaskDataException(file, 0, "no top-level 'data' array; not a SQuAD file");
            }
        } catch (JsonProcessingException e) {
            throw new TaskDataException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new TaskDataException(file, "cannot read SQuAD JSON: " + e.getMessage(), e);
        }
        return budget.check(new ReadResult<>(file, records, issues));
    }

    private void readArticle(JsonParser p, String file, List<QaRecord> records, List<ReadIssue> issues) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("paragraphs") && p.currentToken() == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    readParagraph(p, file, records, issues);
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private void readParagraph(JsonParser p, String file, List<QaRecord> records, List<ReadIssue> issues) throws IOException {
        long paragraphLine = p.currentTokenLocation().getLineNr();
        String context = null;
        List<PendingQuestion> pending = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("context") && p.currentToken() == JsonToken.VALUE_STRING) {
                context = p.getText();
            } else if (field.equals("qas") && p.currentToken() == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    long line = p.currentTokenLocation().getLineNr();
                    pending.add(new PendingQuestion(p.readValueAsTree(), line));
                }
            } else {
                p.skipChildren();
            }
        }
        if (context == null) {
            issues.add(new ReadIssue(file, paragraphLine, "paragraph without a 'context' string; its "
                    + pending.size() + " questions are skipped"));
            return;
        }
        for (PendingQuestion q : pending) {
            try {
                records.add(toRecord(q.node(), context));
            } catch (IllegalArgumentException e) {
                issues.add(new ReadIssue(file, q.line(), e.getMessage()));
            }
        }
    }

    private QaRecord toRecord(JsonNode qa, String context) {
        String id = qa.path("id").asText("");
        String question = qa.path("question").asText("");
        if (id.isEmpty() || question.isBlank()) {
            throw new IllegalArgumentException("question without 'id' or 'question'");
        }
        boolean impossible = qa.path("is_impossible").asBoolean(false);
        if (impossible && !allowUnanswerable) {
            throw new IllegalArgumentException("question " + id + " is_impossible, which SQuAD v1.1 does not allow");
        }
        List<QaRecord.Answer> answers = answers(id, qa, "answers");
        if (impossible && !answers.isEmpty()) {
            throw new IllegalArgumentException("question " + id + " is_impossible but lists " + answers.size()
                    + " answers; unanswerable questions keep theirs in 'plausible_answers'");
        }
        if (!impossible && answers.isEmpty()) {
            throw new IllegalArgumentException("question " + id + " has no answers"
                    + (allowUnanswerable ? " and is not marked is_impossible" : " (SQuAD v1.1 questions always have one)"));
        }
        return new QaRecord(id, question, context, answers, answers(id, qa, "plausible_answers"));
    }

    /** Every entry of one answer list, in order; duplicates are kept, as the official evaluation keeps them. */
    private static List<QaRecord.Answer> answers(String id, JsonNode qa, String field) {
        List<QaRecord.Answer> answers = new ArrayList<>();
        for (JsonNode a : qa.path(field)) {
            if (!a.path("text").isTextual() || !a.path("answer_start").isInt()) {
                throw new IllegalArgumentException("question " + id + ": '" + field
                        + "' entry without 'text' and integer 'answer_start'");
            }
            answers.add(new QaRecord.Answer(a.get("text").asText(), a.get("answer_start").asInt()));
        }
        return answers;
    }

    private static void expect(JsonToken actual, JsonToken expected, JsonParser p, String file) {
        if (actual != expected) {
            throw new TaskDataException(file, p.currentTokenLocation().getLineNr(),
                    "expected " + expected + " but found " + actual + "; not a SQuAD file");
        }
    }
}
