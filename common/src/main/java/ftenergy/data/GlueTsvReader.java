package ftenergy.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * GLUE's tab-separated files: a header row naming the columns, one example per line, no quoting.
 *
 * <p>Columns are found by name, so the same reader serves SST-2 ({@code sentence, label}), RTE
 * ({@code index, sentence1, sentence2, label}) and MNLI (twelve columns, {@code gold_label}). A
 * file without the label column (GLUE's test splits) yields records with a {@code null} label.
 *
 * @param textColumn column of the (first) text
 * @param pairColumn column of the second text, {@code null} for single-text tasks
 * @param labelColumn column of the label
 * @param labels allowed labels; empty to accept any
 */
public record GlueTsvReader(String textColumn, String pairColumn, String labelColumn, List<String> labels)
        implements TaskReader<TextRecord> {

    public GlueTsvReader {
        labels = List.copyOf(labels);
    }

    /** SST-2: {@code sentence}, {@code label} 0/1. */
    public static GlueTsvReader sst2() {
        return new GlueTsvReader("sentence", null, "label", List.of("0", "1"));
    }

    /** MNLI: {@code sentence1}, {@code sentence2}, {@code gold_label}. */
    public static GlueTsvReader mnli() {
        return new GlueTsvReader("sentence1", "sentence2", "gold_label", List.of("entailment", "neutral", "contradiction"));
    }

    /** RTE: {@code sentence1}, {@code sentence2}, {@code label}. */
    public static GlueTsvReader rte() {
        return new GlueTsvReader("sentence1", "sentence2", "label", List.of("entailment", "not_entailment"));
    }

    @Override
    public ReadResult<TextRecord> read(Path source, ErrorBudget budget) {
        String file = source.toString();
        List<TextRecord> records = new ArrayList<>();
        List<ReadIssue> issues = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                throw new TaskDataException(file, 0, "empty file, expected a header row");
            }
            List<String> header = Arrays.asList(stripCr(headerLine).split("\t", -1));
            int text = requireColumn(header, textColumn, file);
            int pair = pairColumn == null ? -1 : requireColumn(header, pairColumn, file);
            int label = header.indexOf(labelColumn);
            int id = header.indexOf("index");
            String line;
            long lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                line = stripCr(line);
                if (line.isEmpty()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != header.size()) {
                    issues.add(new ReadIssue(file, lineNo, fields.length + " tab-separated fields, header has " + header.size()));
                    continue;
                }
                String problem = check(fields, text, pair, label);
                if (problem != null) {
                    issues.add(new ReadIssue(file, lineNo, problem));
                    continue;
                }
                records.add(new TextRecord(
                        id >= 0 ? fields[id] : Long.toString(lineNo - 1),
                        fields[text],
                        pair >= 0 ? fields[pair] : null,
                        label >= 0 ? fields[label] : null));
            }
        } catch (IOException e) {
            throw new TaskDataException(file, "cannot read GLUE TSV: " + e.getMessage(), e);
        }
        return budget.check(new ReadResult<>(file, records, issues));
    }

    private String check(String[] fields, int text, int pair, int label) {
        if (fields[text].isBlank()) {
            return "empty " + textColumn;
        }
        if (pair >= 0 && fields[pair].isBlank()) {
            return "empty " + pairColumn;
        }
        if (label >= 0 && !labels.isEmpty() && !labels.contains(fields[label])) {
            return "label '" + fields[label] + "' is not one of " + labels;
        }
        return null;
    }

    private static int requireColumn(List<String> header, String column, String file) {
        int index = header.indexOf(column);
        if (index < 0) {
            throw new TaskDataException(file, 1, "no column '" + column + "' in header " + header);
        }
        return index;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
