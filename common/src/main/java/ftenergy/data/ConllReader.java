package ftenergy.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CoNLL column files: one token per line with whitespace-separated columns, a blank line between
 * sentences, {@code -DOCSTART-} lines between documents.
 *
 * <p>A sentence with a malformed line is skipped whole (a sentence with a hole would teach wrong
 * context) and reported at that line. Record ids are the 1-based line the sentence starts on.
 *
 * @param wordColumn column of the word (0 in CoNLL-2003)
 * @param tagColumn column of the tag; negative counts from the end (-1: last, CoNLL-2003's NER)
 * @param labels allowed tags; empty to accept any
 */
public record ConllReader(int wordColumn, int tagColumn, List<String> labels) implements TaskReader<TaggedRecord> {

    /** CoNLL-2003 NER tags (IOB, as in the HuggingFace export), in class-index order. */
    public static final List<String> CONLL2003_NER_TAGS =
            List.of("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC");

    public ConllReader {
        labels = List.copyOf(labels);
    }

    /** CoNLL-2003 NER: {@code word POS chunk NER}. */
    public static ConllReader conll2003Ner() {
        return new ConllReader(0, -1, CONLL2003_NER_TAGS);
    }

    @Override
    public ReadResult<TaggedRecord> read(Path source, ErrorBudget budget) {
        String file = source.toString();
        List<TaggedRecord> records = new ArrayList<>();
        List<ReadIssue> issues = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
            List<String> words = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            long start = 0;
            ReadIssue problem = null;
            String line;
            long lineNo = 0;
            while (true) {
                line = in.readLine();
                lineNo++;
                boolean boundary = line == null || line.isBlank() || line.startsWith("-DOCSTART-");
                if (boundary) {
                    if (problem != null) {
                        issues.add(problem);
                    } else if (!words.isEmpty()) {
                        records.add(new TaggedRecord(Long.toString(start), words, tags));
                    }
                    words = new ArrayList<>();
                    tags = new ArrayList<>();
                    problem = null;
                    if (line == null) {
                        break;
                    }
                    continue;
                }
                if (words.isEmpty() && problem == null) {
                    start = lineNo;
                }
                if (problem != null) {
                    continue;
                }
                String[] columns = line.strip().split("\\s+");
                int tag = tagColumn < 0 ? columns.length + tagColumn : tagColumn;
                if (columns.length <= Math.max(wordColumn, tag) || tag < 0 || tag == wordColumn) {
                    problem = new ReadIssue(file, lineNo, columns.length + " columns, need word column " + wordColumn
                            + " and tag column " + tagColumn);
                } else if (!labels.isEmpty() && !labels.contains(columns[tag])) {
                    problem = new ReadIssue(file, lineNo, "tag '" + columns[tag] + "' is not one of " + labels);
                } else {
                    words.add(columns[wordColumn]);
                    tags.add(columns[tag]);
                }
            }
        } catch (IOException e) {
            throw new TaskDataException(file, "cannot read CoNLL file: " + e.getMessage(), e);
        }
        return budget.check(new ReadResult<>(file, records, issues));
    }
}
