package ftenergy.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Stand-in for IMDB: the SpamAssassin public mail corpus, 6,046 e-mails labelled ham or spam, a
 * long-document binary task. The text is the subject line and the body; the other header lines
 * (routing, dates, addresses) are dropped because they give the label away and are not prose.
 */
public final class SpamEmails {

    /** Task name in configs and tables. */
    public static final String NAME = "spam-emails";
    /** The task: binary, long single documents. */
    public static final TaskInfo INFO = new TaskInfo(NAME, TaskType.SEQUENCE_CLASSIFICATION, List.of("ham", "spam"), "imdb");

    private static final List<String> GROUPS = List.of("easy-ham-1", "easy-ham-2", "hard-ham-1", "spam-1", "spam-2");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SpamEmails() {}

    /** Reads every e-mail; ids are {@code <group>/<message id>}. */
    public static LoadedTask<TextRecord> load(CorpusStore store, ErrorBudget budget) {
        return read(store.path(Corpus.SPAM_ASSASSIN), budget);
    }

    static LoadedTask<TextRecord> read(Path packageDir, ErrorBudget budget) {
        List<TextRecord> records = new ArrayList<>();
        List<ReadIssue> issues = new ArrayList<>();
        for (String group : GROUPS) {
            Path dir = packageDir.resolve("data").resolve(group);
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            } catch (IOException e) {
                throw new TaskDataException(dir.toString(), "cannot list e-mails: " + e.getMessage(), e);
            }
            String label = group.startsWith("spam") ? "spam" : "ham";
            for (Path file : files) {
                try {
                    JsonNode mail = JSON.readTree(file.toFile());
                    String text = subjectAndBody(mail.path("text").asText(""));
                    if (text.isBlank()) {
                        issues.add(new ReadIssue(file.toString(), 0, "e-mail without subject or body"));
                    } else {
                        records.add(new TextRecord(group + "/" + mail.path("id").asText(), text, null, label));
                    }
                } catch (IOException e) {
                    issues.add(new ReadIssue(file.toString(), 0, "not readable JSON: " + e.getMessage()));
                }
            }
        }
        return new LoadedTask<>(INFO, budget.check(new ReadResult<>(packageDir.toString(), records, issues)));
    }

    /** The subject header (if any) and everything after the first blank line. */
    static String subjectAndBody(String message) {
        String m = message.replace("\r\n", "\n");
        int blank = m.indexOf("\n\n");
        String headers = blank < 0 ? m : m.substring(0, blank);
        String body = blank < 0 ? "" : m.substring(blank + 2).strip();
        String subject = "";
        for (String line : headers.split("\n")) {
            if (line.regionMatches(true, 0, "Subject:", 0, 8)) {
                subject = line.substring(8).strip();
                break;
            }
        }
        return subject.isEmpty() ? body : body.isEmpty() ? subject : subject + "\n\n" + body;
    }
}
