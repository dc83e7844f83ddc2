package ftenergy.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * IMDB movie reviews (Maas et al. 2011) in the layouts they are distributed in.
 *
 * <p>Labels are {@code neg} and {@code pos}, index 0 and 1, as in the HuggingFace export.
 */
public final class ImdbReader {

    /** IMDB's labels, in class-index order. */
    public static final List<String> LABELS = List.of("neg", "pos");

    private ImdbReader() {}

    /**
     * The {@code aclImdb} folder layout: a split folder with {@code pos/} and {@code neg/}
     * sub-folders holding one review per {@code <id>_<rating>.txt} file; other sub-folders
     * ({@code unsup/}) are ignored. Record ids are {@code pos/<file stem>}; files are read in name
     * order, neg first.
     */
    public static TaskReader<TextRecord> folder() {
        return ImdbReader::readFolder;
    }

    /**
     * A CSV file with a header row (the common Kaggle export: {@code review,sentiment} with
     * {@code positive}/{@code negative}), quoted fields may span lines. Rows with a wrong field
     * count, empty text or an unknown label are issues; broken quoting fails the read at its row.
     *
     * @param textColumn column of the review
     * @param labelColumn column of the label
     * @param labels allowed labels in class-index order; empty to accept any
     */
    public static TaskReader<TextRecord> csv(String textColumn, String labelColumn, List<String> labels) {
        List<String> allowed = List.copyOf(labels);
        return (source, budget) -> readCsv(source, budget, textColumn, labelColumn, allowed);
    }

    /** JSON lines as HuggingFace exports IMDB: {@code {"text": ..., "label": 0|1}}. */
    public static TaskReader<TextRecord> jsonl() {
        return JsonlReader.text(new ColumnMapping(null, "text", null, "label"), LABELS);
    }

    private static ReadResult<TextRecord> readFolder(Path split, ErrorBudget budget) {
        String source = split.toString();
        List<TextRecord> records = new ArrayList<>();
        List<ReadIssue> issues = new ArrayList<>();
        for (String label : LABELS) {
            Path dir = split.resolve(label);
            if (!Files.isDirectory(dir)) {
                throw new TaskDataException(source, 0, "no '" + label + "' sub-folder; expected the aclImdb layout <split>/{pos,neg}/*.txt");
            }
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
            } catch (IOException e) {
                throw new TaskDataException(dir.toString(), "cannot list review files: " + e.getMessage(), e);
            }
            for (Path file : files) {
                String stem = file.getFileName().toString().replaceFirst("\\.txt$", "");
                try {
                    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
                    if (text.isEmpty()) {
                        issues.add(new ReadIssue(file.toString(), 0, "empty review"));
                    } else {
                        records.add(new TextRecord(label + "/" + stem, text, null, label));
                    }
                } catch (CharacterCodingException e) {
                    issues.add(new ReadIssue(file.toString(), 0, "not valid UTF-8"));
                } catch (IOException e) {
                    throw new TaskDataException(file.toString(), "cannot read review: " + e.getMessage(), e);
                }
            }
        }
        return budget.check(new ReadResult<>(source, records, issues));
    }

    private static ReadResult<TextRecord> readCsv(
            Path source, ErrorBudget budget, String textColumn, String labelColumn, List<String> labels) {
        String file = source.toString();
        List<TextRecord> records = new ArrayList<>();
        List<ReadIssue> issues = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(source, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(CSVFormat.RFC4180).get()) {
            Iterator<CSVRecord> rows = parser.iterator();
            if (!rows.hasNext()) {
                throw new TaskDataException(file, 0, "empty file, expected a header row");
            }
            List<String> header = rows.next().toList();
            int text = header.indexOf(textColumn);
            int label = header.indexOf(labelColumn);
            if (text < 0 || label < 0) {
                throw new TaskDataException(file, 1, "header " + header + " lacks '" + textColumn + "' or '" + labelColumn + "'");
            }
            while (true) {
                // Every line belongs to a row (no comments, empty lines are rows), so a row starts after the last one ended.
                long line = parser.getCurrentLineNumber() + 1;
                List<String> f;
                try {
                    if (!rows.hasNext()) {
                        break;
                    }
                    f = rows.next().toList();
                } catch (UncheckedIOException e) {
                    throw new TaskDataException(file, line, "broken quoting, the rest of the file cannot be read: "
                            + e.getCause().getMessage());
                }
                if (f.size() == 1 && f.get(0).isEmpty()) {
                    continue;
                }
                String problem = null;
                if (f.size() != header.size()) {
                    problem = f.size() + " fields, header has " + header.size();
                } else if (f.get(text).isBlank()) {
                    problem = "empty " + textColumn;
                } else if (!labels.isEmpty() && !labels.contains(f.get(label))) {
                    problem = "label '" + f.get(label) + "' is not one of " + labels;
                }
                if (problem != null) {
                    issues.add(new ReadIssue(file, line, problem));
                } else {
                    records.add(new TextRecord(Long.toString(line), f.get(text), null, f.get(label)));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new TaskDataException(file, "cannot read CSV: " + e.getMessage(), e);
        }
        return budget.check(new ReadResult<>(file, records, issues));
    }
}
