package ftenergy.task;

import ftenergy.config.ConfigProblem;
import ftenergy.data.ErrorBudget;
import ftenergy.data.QaSettings;
import ftenergy.data.StandInSource;
import ftenergy.data.TaskInfo;
import ftenergy.provenance.Sha256;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One task as declared under {@code ftenergy.tasks.<name>}, validated: what it asks of the model,
 * where its records are and how to read them. Paths are as given, any {@code {paper-root}} already
 * replaced (see {@link TaskSettings}); they are checked against the file system later, by whoever
 * reads them, and problems found then name the key through {@link #problem}.
 *
 * <pre>{@code
 * ftenergy.tasks.my-reviews {
 *   type = single-classification
 *   format = csv
 *   train = "/data/reviews/train.csv"
 *   validation = "/data/reviews/dev.csv"
 *   columns { text = "review", label = "stars" }
 *   labels = ["1", "2", "3", "4", "5"]
 * }
 * }</pre>
 *
 * @param name the task's name: its {@code examples} partition and every run's {@code task}
 * @param kind what is predicted
 * @param format how the records are stored
 * @param train path or URI of the training split ({@code null} for stand-ins)
 * @param validation path or URI of the validation split; {@code null} holds out a share of {@code train}
 * @param columns which column holds what
 * @param labels the label names in class-index order; empty: the sorted distinct training labels
 * @param qa span QA only ({@code null} otherwise): its windows, whether a question may have no
 *     answer (SQuAD v2.0) and the no-answer rule
 * @param source the stand-in builder ({@code format = stand-in}), else {@code null}
 * @param maxRecords stand-ins: keep at most this many records, a seeded sample (0 = all)
 * @param standsInFor the paper's task a stand-in replaces; {@code null} for real data
 * @param budget how many malformed records reading tolerates
 * @param hfParquet the same data as HuggingFace {@code datasets} exports it (Parquet), read instead
 *     when {@code train} does not exist; {@code null} if none is declared
 * @param origins where each key's value comes from ({@code train}, {@code columns.text} ...), for problems found later
 * @param fieldPrefix where its keys sit under the task's key: empty, or {@code hf-parquet.} for the export
 */
public record TaskDefinition(
        String name,
        TaskKind kind,
        TaskFormat format,
        String train,
        String validation,
        TaskColumns columns,
        List<String> labels,
        QaSettings qa,
        StandInSource source,
        int maxRecords,
        String standsInFor,
        ErrorBudget budget,
        TaskDefinition hfParquet,
        Map<String, String> origins,
        String fieldPrefix)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public TaskDefinition {
        labels = List.copyOf(labels);
        origins = Map.copyOf(origins);
    }

    /** The configuration path of this task, {@code ftenergy.tasks.<name>}. */
    public String key() {
        return TaskSettings.KEY + "." + name;
    }

    /** The configuration path of one of its keys ({@code train}, {@code columns.text}). */
    public String key(String field) {
        return key() + "." + fieldPrefix + field;
    }

    /** Where {@code field}'s value was set ({@code conf/my.conf: 4}), or where the task was. */
    public String origin(String field) {
        String origin = origins.get(field);
        return origin != null ? origin : origins.getOrDefault("", "configuration");
    }

    /** A problem with one of its keys, found after the configuration was read (a missing file, a column a file lacks). */
    public ConfigProblem problem(String field, String message) {
        return new ConfigProblem(key(field), origin(field), message);
    }

    /** The trainer's view of it, with the label names the prepared data settled on. */
    public TaskInfo info(List<String> labelNames) {
        return new TaskInfo(name, kind.taskType(), labelNames, standsInFor, qa);
    }

    /** Span QA: whether a question may have no answer; false for every other type. */
    public boolean unanswerable() {
        return qa != null && qa.unanswerable();
    }

    /**
     * This task read from its HuggingFace export instead of the official files: Parquet, the
     * export's paths and columns, keys under {@code hf-parquet}.
     */
    public TaskDefinition readAsHfParquet(String exportTrain, String exportValidation, TaskColumns exportColumns,
            Map<String, String> exportOrigins) {
        return new TaskDefinition(name, kind, TaskFormat.PARQUET, exportTrain, exportValidation, exportColumns, labels,
                qa, source, maxRecords, standsInFor, budget, null, exportOrigins, "hf-parquet.");
    }

    /** The same task with its paths replaced ({@code {paper-root}} expanded) and its export, if any. */
    public TaskDefinition withPaths(String resolvedTrain, String resolvedValidation, TaskDefinition export) {
        return new TaskDefinition(name, kind, format, resolvedTrain, resolvedValidation, columns, labels, qa, source,
                maxRecords, standsInFor, budget, export, origins, fieldPrefix);
    }

    /**
     * A short hash of what decides the prepared examples (kind, format, paths, columns, labels,
     * QA windows, source): prepared examples whose hash differs are prepared again.
     */
    public String fingerprint() {
        return Sha256.shortOf(String.join("\n", name, kind.configName(), format.configName(), String.valueOf(train),
                String.valueOf(validation), columns.byRole().toString(), labels.toString(), String.valueOf(qa),
                source == null ? "" : source.configName(), Integer.toString(maxRecords), String.valueOf(standsInFor),
                Double.toString(budget.maxErrorFraction())));
    }
}
