package ftenergy.prepare;

import ftenergy.config.ConfigError;
import ftenergy.config.ConfigProblem;
import ftenergy.task.TaskColumns;
import ftenergy.task.TaskDefinition;
import ftenergy.task.TaskFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Before anything is prepared or any Spark job starts: can every task of a sweep be read? Each
 * path must name something, a file reader's path must be one every executor mounts, and each
 * mapped column must be in the source's header or schema (only those are read). What is wrong is a
 * {@link ConfigError} naming the task's key and where it was set, with every problem at once.
 *
 * <p>A task whose official files are absent but whose HuggingFace Parquet export is present
 * ({@code hf-parquet}) is read from the export.
 */
public final class SourceCheck {

    private final SourceFiles files;

    private SourceCheck(Configuration hadoop) {
        this.files = new SourceFiles(hadoop);
    }

    /**
     * The tasks as they will be read, in order.
     *
     * @throws ConfigError listing every path that names nothing and every column a source lacks
     */
    public static List<TaskDefinition> resolve(Configuration hadoop, List<TaskDefinition> tasks) {
        SourceCheck check = new SourceCheck(hadoop);
        List<ConfigProblem> problems = new ArrayList<>();
        List<TaskDefinition> resolved = new ArrayList<>();
        for (TaskDefinition task : tasks) {
            try {
                TaskDefinition read = check.check(task, problems);
                if (read != null) {
                    resolved.add(read);
                }
            } catch (IOException e) {
                problems.add(task.problem("train", "cannot look at its files: " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigError(problems);
        }
        return resolved;
    }

    private TaskDefinition check(TaskDefinition task, List<ConfigProblem> problems) throws IOException {
        if (task.format() == TaskFormat.STAND_IN) {
            return task;
        }
        int before = problems.size();
        if (!exists(task, task.train(), "train", problems)) {
            TaskDefinition export = task.hfParquet();
            if (export == null || files.matches(export.train()).isEmpty()) {
                String instead = export == null ? "" : "; nor is HuggingFace's Parquet export at " + export.train()
                        + " (" + export.key("train") + ")";
                problems.add(task.problem("train", "nothing at " + task.train() + instead));
                return null;
            }
            task = export;
        }
        if (task.validation() != null && !exists(task, task.validation(), "validation", problems)) {
            problems.add(task.problem("validation", "nothing at " + task.validation()));
        }
        if (problems.size() > before) {
            return null;
        }
        checkColumns(task, task.train(), problems);
        if (task.validation() != null) {
            checkColumns(task, task.validation(), problems);
        }
        return problems.size() > before ? null : task;
    }

    private boolean exists(TaskDefinition task, String path, String field, List<ConfigProblem> problems) throws IOException {
        if (task.format().reading() == TaskFormat.Reading.FILE_READER) {
            String scheme = new Path(path).toUri().getScheme();
            if (scheme != null && !scheme.equals("file")) {
                problems.add(task.problem(field, "format " + task.format().configName() + " is read from a file system every"
                        + " executor mounts, and " + path + " is not on one: copy the files to a shared mount, or store them"
                        + " as csv, json, parquet or delta, which Spark reads from " + scheme + "://"));
                return true;
            }
            return Files.exists(java.nio.file.Path.of(new Path(path).toUri().getPath()));
        }
        if (task.format() == TaskFormat.DELTA) {
            return files.isDeltaTable(path);
        }
        return !files.matches(path).isEmpty();
    }

    private void checkColumns(TaskDefinition task, String path, List<ConfigProblem> problems) throws IOException {
        switch (task.format()) {
            case IMDB -> {
                for (String label : List.of("pos", "neg")) {
                    if (!Files.isDirectory(java.nio.file.Path.of(new Path(path).toUri().getPath(), label))) {
                        problems.add(task.problem(path.equals(task.train()) ? "train" : "validation", path + " has no '" + label
                                + "' folder: format imdb reads the aclImdb layout <split>/{pos,neg}/<id>_<rating>.txt"));
                    }
                }
            }
            case GLUE_TSV -> require(task, path, files.tsvHeader(new Path(path)), problems);
            case JSONL -> require(task, path, files.jsonLinesFields(new Path(path)), problems);
            case CSV -> require(task, path, files.csvHeader(files.firstFile(path, ".csv")), problems);
            case JSON -> require(task, path, files.jsonDocumentFields(files.firstFile(path, ".json")), problems);
            case PARQUET -> requireNested(task, path, files.parquetColumns(files.firstFile(path, ".parquet")), problems);
            case DELTA -> requireNested(task, path, files.deltaColumns(path), problems);
            case SQUAD, CONLL, STAND_IN -> {
                // A layout fixed by the format: its reader reports what is wrong, with file and line.
            }
        }
    }

    private static void require(TaskDefinition task, String path, List<String> has, List<ConfigProblem> problems) {
        for (Map.Entry<String, String> mapped : task.columns().byRole().entrySet()) {
            if (!has.contains(mapped.getValue())) {
                problems.add(task.problem("columns." + mapped.getKey(), "column '" + mapped.getValue() + "' is not in " + path
                        + "; it has: " + String.join(", ", has)));
            }
        }
    }

    private static void requireNested(TaskDefinition task, String path, Map<String, List<String>> has, List<ConfigProblem> problems) {
        require(task, path, List.copyOf(has.keySet()), problems);
        String answers = task.columns().get(TaskColumns.ANSWERS);
        if (answers != null && has.containsKey(answers) && !has.get(answers).containsAll(List.of("text", "answer_start"))) {
            problems.add(task.problem("columns." + TaskColumns.ANSWERS, "column '" + answers + "' of " + path
                    + " must be a struct of 'text' and 'answer_start' arrays (HuggingFace's SQuAD export); it has "
                    + has.get(answers)));
        }
    }
}
