package ftenergy.task;

import com.typesafe.config.ConfigValueType;
import ftenergy.config.ConfigReader;
import ftenergy.data.ErrorBudget;
import ftenergy.data.QaSettings;
import ftenergy.data.StandInSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every task declared under {@code ftenergy.tasks}, read once at start-up and validated: unknown
 * keys (with the nearest valid one), types and formats that do not exist or do not fit together,
 * columns a type needs but the task does not map. Sweeps then {@link #select} the tasks they name.
 *
 * <p>A path may start with {@value #PAPER_ROOT_PLACEHOLDER}: it stands for
 * {@code ftenergy.data.paper-root}, the folder holding the official releases of the paper's tasks,
 * so that one setting points every built-in task at its files.
 */
public final class TaskSettings {

    /** Where tasks are declared. */
    public static final String KEY = "ftenergy.tasks";
    /** Stands for {@value #PAPER_ROOT} in a task's paths. */
    public static final String PAPER_ROOT_PLACEHOLDER = "{paper-root}";

    private static final String PAPER_ROOT = "ftenergy.data.paper-root";
    private static final String MAX_ERROR_FRACTION = "ftenergy.data.max-error-fraction";

    private static final String TYPE = "type";
    private static final String FORMAT = "format";
    private static final String TRAIN = "train";
    private static final String VALIDATION = "validation";
    private static final String COLUMNS = "columns";
    private static final String LABELS = "labels";
    private static final String UNANSWERABLE = "unanswerable";
    private static final String MAX_LENGTH = "max-length";
    private static final String DOC_STRIDE = "doc-stride";
    private static final String NULL_SCORE_THRESHOLD = "null-score-threshold";
    private static final String SOURCE = "source";
    private static final String MAX_RECORDS = "max-records";
    private static final String STANDS_IN_FOR = "stands-in-for";
    private static final String TASK_MAX_ERROR_FRACTION = "max-error-fraction";
    private static final String HF_PARQUET = "hf-parquet";

    private static final List<String> FIELDS = List.of(TYPE, FORMAT, TRAIN, VALIDATION, COLUMNS, LABELS, UNANSWERABLE, MAX_LENGTH,
            DOC_STRIDE, NULL_SCORE_THRESHOLD, SOURCE, MAX_RECORDS, STANDS_IN_FOR, TASK_MAX_ERROR_FRACTION, HF_PARQUET);
    private static final List<String> HF_PARQUET_FIELDS = List.of(TRAIN, VALIDATION, COLUMNS);
    /** Formats whose layout fixes where everything is: a {@code columns} block has nothing to say. */
    private static final Set<TaskFormat> FIXED_LAYOUT = EnumSet.of(TaskFormat.IMDB, TaskFormat.SQUAD, TaskFormat.STAND_IN);
    /** Formats that pick fields by name from every record, so every role of the type must be mapped. */
    private static final Set<TaskFormat> NAMED_COLUMNS = EnumSet.of(TaskFormat.GLUE_TSV, TaskFormat.CSV, TaskFormat.JSON,
            TaskFormat.PARQUET, TaskFormat.DELTA, TaskFormat.JSONL);
    /** HuggingFace's SQuAD export, the only QA layout the JSON-lines reader knows. */
    private static final Map<String, String> JSONL_QA_COLUMNS = Map.of(TaskColumns.ID, "id", TaskColumns.QUESTION, "question",
            TaskColumns.CONTEXT, "context", TaskColumns.ANSWERS, "answers");

    private final Map<String, TaskDefinition> declared;
    private final String paperRoot;
    private final String paperRootOrigin;

    private TaskSettings(Map<String, TaskDefinition> declared, String paperRoot, String paperRootOrigin) {
        this.declared = declared;
        this.paperRoot = paperRoot;
        this.paperRootOrigin = paperRootOrigin;
    }

    /** Reads every declared task; problems are collected in {@code in}. */
    public static TaskSettings read(ConfigReader in) {
        double defaultFraction = in.doubleIn(MAX_ERROR_FRACTION, 0, 0.999_999);
        String paperRoot = in.optionalString(PAPER_ROOT);
        Map<String, TaskDefinition> declared = new TreeMap<>();
        if (in.config().hasPath(KEY)) {
            for (String name : in.config().getObject(KEY).keySet()) {
                String key = KEY + "." + com.typesafe.config.ConfigUtil.joinPath(name);
                if (!name.matches("[A-Za-z0-9_-]+")) {
                    in.problem(key, "a task name must be letters, digits, '_' or '-'");
                } else if (in.config().getValue(key).valueType() != ConfigValueType.OBJECT) {
                    in.problem(key, "a task must be an object with " + TYPE + ", " + FORMAT + ", " + TRAIN + " ...");
                } else {
                    read(in, name, key, defaultFraction).ifPresent(task -> declared.put(name, task));
                }
            }
        }
        return new TaskSettings(declared, paperRoot, in.origin(PAPER_ROOT));
    }

    /** The declared task names, sorted. */
    public Set<String> names() {
        return declared.keySet();
    }

    /** The declared task {@code name} as written (paths not resolved), if declared. */
    public Optional<TaskDefinition> declared(String name) {
        return Optional.ofNullable(declared.get(name));
    }

    /**
     * The tasks {@code names} refers to, paths resolved against {@code ftenergy.data.paper-root}.
     * Unknown names and tasks of another kind are problems with {@code key}; a path that needs the
     * paper root while none is set is a problem with the path's key.
     *
     * @param key the key that names the tasks ({@code ftenergy.sweep.finetune.tasks})
     * @param kinds the kinds the referring key accepts
     */
    public List<TaskDefinition> select(ConfigReader in, String key, List<String> names, Set<TaskKind> kinds) {
        List<TaskDefinition> out = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            TaskDefinition task = declared.get(name);
            if (task == null) {
                in.problem(key, "unknown task '" + name + "'" + ConfigReader.didYouMean(name, declared.keySet())
                        + "; declared tasks: " + String.join(", ", declared.keySet()) + ". Declare it under "
                        + KEY + "." + name + " (type, format, train, ...)");
            } else if (!kinds.contains(task.kind())) {
                in.problem(key, "task '" + name + "' is " + task.kind().configName() + "; here the task must be "
                        + String.join(" or ", kinds.stream().map(TaskKind::configName).toList()));
            } else {
                resolved(in, task).ifPresent(out::add);
            }
        }
        return out;
    }

    private Optional<TaskDefinition> resolved(ConfigReader in, TaskDefinition task) {
        boolean ok = true;
        for (String field : List.of(TRAIN, VALIDATION)) {
            String path = field.equals(TRAIN) ? task.train() : task.validation();
            if (path != null && path.contains(PAPER_ROOT_PLACEHOLDER) && paperRoot == null) {
                in.problem(task.key(field), "'" + path + "' is under " + PAPER_ROOT_PLACEHOLDER + ", but " + PAPER_ROOT
                        + " is not set (" + paperRootOrigin + "): set it to the folder holding the official releases"
                        + " (SST-2/, MNLI/, RTE/, aclImdb/, SQuAD's and CoNLL-2003's files), or set " + task.key(field)
                        + " to the file");
                ok = false;
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        TaskDefinition alternative = task.hfParquet();
        if (alternative != null && (paperRoot != null || !usesRoot(alternative))) {
            alternative = task.readAsHfParquet(expand(alternative.train()), expand(alternative.validation()),
                    alternative.columns(), alternative.origins());
        } else {
            alternative = null; // under an unset root: there is no alternative to look for
        }
        return Optional.of(task.withPaths(expand(task.train()), expand(task.validation()), alternative));
    }

    private static boolean usesRoot(TaskDefinition task) {
        return String.valueOf(task.train()).contains(PAPER_ROOT_PLACEHOLDER)
                || String.valueOf(task.validation()).contains(PAPER_ROOT_PLACEHOLDER);
    }

    private String expand(String path) {
        if (path == null || !path.contains(PAPER_ROOT_PLACEHOLDER)) {
            return path;
        }
        String root = paperRoot.endsWith("/") ? paperRoot.substring(0, paperRoot.length() - 1) : paperRoot;
        return path.replace(PAPER_ROOT_PLACEHOLDER, root);
    }

    private static Optional<TaskDefinition> read(ConfigReader in, String name, String key, double defaultFraction) {
        int before = in.problems().size();
        in.onlyKnownChildren(key, FIELDS);
        String typeName = in.oneOf(key + "." + TYPE, TaskKind.configNames());
        String formatName = in.oneOf(key + "." + FORMAT, TaskFormat.configNames());
        if (typeName == null || formatName == null) {
            return Optional.empty();
        }
        TaskKind kind = TaskKind.byConfigName(typeName).orElseThrow();
        TaskFormat format = TaskFormat.byConfigName(formatName).orElseThrow();
        if (!format.holds(kind)) {
            in.problem(key + "." + TYPE, "format " + format.configName() + " cannot give type " + kind.configName()
                    + "; it gives " + String.join(", ", format.kindNames()));
            return Optional.empty();
        }
        Map<String, String> origins = new HashMap<>();
        origins.put("", in.origin(key));
        for (String field : List.of(TYPE, FORMAT, TRAIN, VALIDATION, LABELS, SOURCE)) {
            if (in.config().hasPathOrNull(key + "." + field)) {
                origins.put(field, in.origin(key + "." + field));
            }
        }
        StandInSource source = format == TaskFormat.STAND_IN ? standInSource(in, key, kind) : null;
        rejectOutside(in, key, format == TaskFormat.STAND_IN, "format stand-in", SOURCE, MAX_RECORDS, STANDS_IN_FOR);
        rejectOutside(in, key, format != TaskFormat.STAND_IN, "a stand-in (its builder decides them)",
                TRAIN, VALIDATION, LABELS, HF_PARQUET);
        rejectOutside(in, key, kind == TaskKind.SPAN_QA, "type span-qa", UNANSWERABLE, MAX_LENGTH, DOC_STRIDE, NULL_SCORE_THRESHOLD);
        rejectOutside(in, key, kind != TaskKind.SPAN_QA && kind != TaskKind.MASKED_LM, "a type with labels", LABELS);
        String train = format == TaskFormat.STAND_IN ? null : path(in, key + "." + TRAIN, true);
        String validation = format == TaskFormat.STAND_IN ? null : path(in, key + "." + VALIDATION, false);
        TaskColumns columns = columns(in, key + "." + COLUMNS, kind, format, origins);
        List<String> labels = labels(in, key + "." + LABELS);
        QaSettings qa = kind == TaskKind.SPAN_QA ? qa(in, key) : null;
        int maxRecords = in.config().hasPath(key + "." + MAX_RECORDS) ? in.nonNegativeInt(key + "." + MAX_RECORDS) : 0;
        String standsInFor = format == TaskFormat.STAND_IN ? in.string(key + "." + STANDS_IN_FOR) : null;
        double fraction = in.config().hasPath(key + "." + TASK_MAX_ERROR_FRACTION)
                ? in.doubleIn(key + "." + TASK_MAX_ERROR_FRACTION, 0, 0.999_999) : defaultFraction;
        TaskDefinition hfParquet = in.config().hasPath(key + "." + HF_PARQUET) && format != TaskFormat.STAND_IN
                ? hfParquet(in, key + "." + HF_PARQUET, name, kind) : null;
        if (in.problems().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new TaskDefinition(name, kind, format, train, validation, columns, labels, qa, source,
                maxRecords, standsInFor, new ErrorBudget(fraction), hfParquet, origins, ""));
    }

    /**
     * Span QA's windows and answer rule: {@code max-length} tokens per window (384),
     * {@code doc-stride} context tokens consecutive windows share (128), as {@code run_qa.py} cuts
     * SQuAD; {@code unanswerable} (false) and {@code null-score-threshold} (0) for SQuAD v2.0's
     * no-answer rule.
     */
    private static QaSettings qa(ConfigReader in, String key) {
        boolean unanswerable = in.config().hasPath(key + "." + UNANSWERABLE) && in.bool(key + "." + UNANSWERABLE);
        int maxLength = in.config().hasPath(key + "." + MAX_LENGTH) ? in.positiveInt(key + "." + MAX_LENGTH)
                : QaSettings.DEFAULT_MAX_LENGTH;
        int docStride = in.config().hasPath(key + "." + DOC_STRIDE) ? in.nonNegativeInt(key + "." + DOC_STRIDE)
                : QaSettings.DEFAULT_DOC_STRIDE;
        double threshold = in.config().hasPath(key + "." + NULL_SCORE_THRESHOLD)
                ? in.doubleIn(key + "." + NULL_SCORE_THRESHOLD, -Double.MAX_VALUE, Double.MAX_VALUE) : 0;
        try {
            return new QaSettings(maxLength, docStride, unanswerable, threshold);
        } catch (IllegalArgumentException e) {
            in.problem(key + "." + (in.config().hasPath(key + "." + DOC_STRIDE) ? DOC_STRIDE : MAX_LENGTH), e.getMessage());
            return null;
        }
    }

    private static StandInSource standInSource(ConfigReader in, String key, TaskKind kind) {
        String name = in.oneOf(key + "." + SOURCE, StandInSource.configNames());
        if (name == null) {
            return null;
        }
        StandInSource source = StandInSource.byConfigName(name).orElseThrow();
        TaskKind gives = source.pairs() ? TaskKind.PAIR_CLASSIFICATION : switch (source.type()) {
            case SEQUENCE_CLASSIFICATION -> TaskKind.SINGLE_CLASSIFICATION;
            case TOKEN_CLASSIFICATION -> TaskKind.TOKEN_CLASSIFICATION;
            case SPAN_QA -> TaskKind.SPAN_QA;
            case MASKED_LM -> TaskKind.MASKED_LM;
        };
        if (gives != kind) {
            in.problem(key + "." + TYPE, "stand-in source " + name + " gives " + gives.configName() + ", not " + kind.configName());
        }
        return source;
    }

    /** Each of {@code fields} set while {@code applies} is false is a problem: it would be ignored. */
    private static void rejectOutside(ConfigReader in, String key, boolean applies, String where, String... fields) {
        if (applies) {
            return;
        }
        for (String field : fields) {
            String path = key + "." + field;
            if (in.config().hasPath(path) && !isEmptyObject(in, path)) {
                in.problem(path, "applies only to " + where + "; remove it");
            }
        }
    }

    private static boolean isEmptyObject(ConfigReader in, String path) {
        return in.config().getValue(path).valueType() == ConfigValueType.OBJECT && in.config().getObject(path).isEmpty();
    }

    private static String path(ConfigReader in, String key, boolean required) {
        if (!required && !in.config().hasPath(key)) {
            return null;
        }
        String value = in.string(key);
        if (in.config().hasPath(key) && value.isBlank()) {
            in.problem(key, "must be a non-empty path or URI");
        }
        return value;
    }

    private static TaskColumns columns(ConfigReader in, String key, TaskKind kind, TaskFormat format, Map<String, String> origins) {
        Map<String, String> byRole = new TreeMap<>();
        if (!in.config().hasPath(key)) {
            if (NAMED_COLUMNS.contains(format) && !(format == TaskFormat.JSONL && kind == TaskKind.SPAN_QA)) {
                in.problem(key, "missing; map the columns " + String.join(", ", kind.columns()) + " of type " + kind.configName());
            }
            return new TaskColumns(byRole);
        }
        if (in.config().getValue(key).valueType() != ConfigValueType.OBJECT) {
            in.problem(key, "must be an object, e.g. { " + String.join(" = ..., ", kind.columns()) + " = ... }");
            return new TaskColumns(byRole);
        }
        List<String> valid = new ArrayList<>(List.of(TaskColumns.ID));
        valid.addAll(kind.columns());
        in.onlyKnownChildren(key, valid);
        for (String role : in.config().getObject(key).keySet()) {
            if (valid.contains(role)) {
                byRole.put(role, in.string(key + "." + role));
                origins.put(COLUMNS + "." + role, in.origin(key + "." + role));
            }
        }
        if (FIXED_LAYOUT.contains(format) && !byRole.isEmpty()) {
            in.problem(key, "format " + format.configName() + " fixes where everything is; remove the columns");
        } else if (format == TaskFormat.JSONL && kind == TaskKind.SPAN_QA && !JSONL_QA_COLUMNS.entrySet().containsAll(byRole.entrySet())) {
            in.problem(key, "format jsonl reads span-qa records as HuggingFace exports SQuAD (" + JSONL_QA_COLUMNS
                    + "); for other field names use format json");
        } else if (format == TaskFormat.CONLL) {
            byRole.forEach((role, column) -> {
                if (!column.matches("-?\\d+")) {
                    in.problem(key + "." + role, "CoNLL columns are numbers (0 = first, -1 = last), was '" + column + "'");
                }
            });
        } else if (NAMED_COLUMNS.contains(format) && !(format == TaskFormat.JSONL && kind == TaskKind.SPAN_QA)) {
            for (String role : kind.columns()) {
                if (!byRole.containsKey(role)) {
                    in.problem(key + "." + role, "missing; type " + kind.configName() + " reads " + String.join(", ", kind.columns()));
                }
            }
        }
        return new TaskColumns(byRole);
    }

    private static List<String> labels(ConfigReader in, String key) {
        if (!in.config().hasPath(key)) {
            return List.of();
        }
        List<String> labels = in.nonEmptyStrings(key);
        if (new LinkedHashSet<>(labels).size() != labels.size()) {
            in.problem(key, "lists a label twice: " + labels);
        }
        return labels;
    }

    private static TaskDefinition hfParquet(ConfigReader in, String key, String name, TaskKind kind) {
        if (in.config().getValue(key).valueType() != ConfigValueType.OBJECT) {
            in.problem(key, "must be an object { train = ..., validation = ..., columns { ... } }");
            return null;
        }
        in.onlyKnownChildren(key, HF_PARQUET_FIELDS);
        Map<String, String> origins = new HashMap<>();
        origins.put("", in.origin(key));
        origins.put(TRAIN, in.origin(key + "." + TRAIN));
        origins.put(VALIDATION, in.origin(key + "." + VALIDATION));
        String train = path(in, key + "." + TRAIN, true);
        String validation = path(in, key + "." + VALIDATION, false);
        TaskColumns columns = columns(in, key + "." + COLUMNS, kind, TaskFormat.PARQUET, origins);
        return new TaskDefinition(name, kind, TaskFormat.PARQUET, train, validation, columns, List.of(), null, null, 0, null,
                ErrorBudget.strict(), null, origins, HF_PARQUET + ".");
    }
}
