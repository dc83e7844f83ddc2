package ftenergy.prepare;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import io.delta.kernel.Table;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.types.StructField;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/**
 * A task's data files as the driver sees them before reading any record: which files a path or
 * glob names, and the columns the first of them has (a header row, the first record's fields, a
 * Parquet footer, a Delta table's schema). Reads a few bytes per source, never a whole file, and
 * runs no Spark job, so that a wrong path or column is reported before any work starts.
 */
final class SourceFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Configuration hadoop;

    SourceFiles(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    /** The files (or folders) {@code pathOrGlob} names, sorted; empty when nothing is there. */
    List<FileStatus> matches(String pathOrGlob) throws IOException {
        Path path = new Path(pathOrGlob);
        FileStatus[] found = path.getFileSystem(hadoop).globStatus(path);
        if (found == null) {
            return List.of();
        }
        return Arrays.stream(found).sorted(Comparator.comparing(s -> s.getPath().toString())).toList();
    }

    /**
     * The first data file {@code pathOrGlob} names, looking inside a folder (Spark writes folders of
     * part files) for one ending in {@code suffix}.
     */
    Path firstFile(String pathOrGlob, String suffix) throws IOException {
        List<FileStatus> found = matches(pathOrGlob);
        if (found.isEmpty()) {
            throw new IOException("nothing at " + pathOrGlob);
        }
        FileStatus first = found.get(0);
        if (!first.isDirectory()) {
            return first.getPath();
        }
        for (FileStatus child : matches(new Path(first.getPath(), "*" + suffix).toString())) {
            String name = child.getPath().getName();
            if (!name.startsWith("_") && !name.startsWith(".")) {
                return child.getPath();
            }
        }
        throw new IOException("no *" + suffix + " file in " + first.getPath());
    }

    /** Whether {@code path} is a Delta table (it has a {@code _delta_log}). */
    boolean isDeltaTable(String path) throws IOException {
        Path log = new Path(path, "_delta_log");
        return log.getFileSystem(hadoop).exists(log);
    }

    /** The names in the first line of a tab-separated file (GLUE's header). */
    List<String> tsvHeader(Path file) throws IOException {
        try (BufferedReader in = reader(file)) {
            String line = in.readLine();
            return line == null ? List.of() : List.of(line.replace("\r", "").split("\t", -1));
        }
    }

    /** The header row of a CSV file, quoting as Spark's reader is told to read it (RFC 4180). */
    List<String> csvHeader(Path file) throws IOException {
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setDelimiter(',');
        settings.getFormat().setQuote('"');
        settings.getFormat().setQuoteEscape('"');
        settings.setLineSeparatorDetectionEnabled(true);
        settings.setMaxCharsPerColumn(-1);
        CsvParser parser = new CsvParser(settings);
        try (BufferedReader in = reader(file)) {
            parser.beginParsing(in);
            String[] header = parser.parseNext();
            parser.stopParsing();
            return header == null ? List.of() : Arrays.stream(header).map(h -> h == null ? "" : h).toList();
        }
    }

    /** The fields of the first object of a JSON-lines file. */
    List<String> jsonLinesFields(Path file) throws IOException {
        try (BufferedReader in = reader(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    return fieldNames(JSON.readTree(line));
                }
            }
            return List.of();
        }
    }

    /** The fields of the first record of a JSON document: an array of records, or one record. */
    List<String> jsonDocumentFields(Path file) throws IOException {
        try (InputStream in = open(file); JsonParser parser = JSON.getFactory().createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY && parser.nextToken() != JsonToken.START_OBJECT) {
                return List.of();
            }
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                return List.of();
            }
            return fieldNames(parser.readValueAsTree());
        }
    }

    /** The top-level columns of a Parquet file, each with its sub-fields when it is a group (answers: text, answer_start). */
    Map<String, List<String>> parquetColumns(Path file) throws IOException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, hadoop))) {
            for (Type field : reader.getFileMetaData().getSchema().getFields()) {
                List<String> children = new ArrayList<>();
                if (!field.isPrimitive()) {
                    ((GroupType) field).getFields().forEach(child -> children.add(child.getName()));
                }
                columns.put(field.getName(), children);
            }
        }
        return columns;
    }

    /** The top-level columns of a Delta table, each with its sub-fields when it is a struct. */
    Map<String, List<String>> deltaColumns(String path) {
        var engine = DefaultEngine.create(hadoop);
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (StructField field : Table.forPath(engine, path).getLatestSnapshot(engine).getSchema().fields()) {
            List<String> children = new ArrayList<>();
            if (field.getDataType() instanceof io.delta.kernel.types.StructType struct) {
                struct.fields().forEach(child -> children.add(child.getName()));
            }
            columns.put(field.getName(), children);
        }
        return columns;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private BufferedReader reader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8));
    }

    private InputStream open(Path file) throws IOException {
        FileSystem fs = file.getFileSystem(hadoop);
        return fs.open(file);
    }
}
