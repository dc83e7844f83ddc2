package ftenergy.data;

import ftenergy.text.Encoded;
import ftenergy.text.LabelAlignment;
import ftenergy.text.SpanAlignment;
import ftenergy.text.TextTokenizer;
import ftenergy.text.TokenSpan;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Turns raw records of one task into {@link Example}s: a pure function of tokenizer, task and
 * record, so Spark executors can call it per partition after loading the tokenizer once.
 *
 * <ul>
 *   <li>{@link TextRecord} (sequence classification, or masked LM with a null label): one text or a
 *       pair, label = index of the label in {@link TaskInfo#labelNames()}, -1 when unlabelled;
 *   <li>{@link TaggedRecord}: words encoded as given, first sub-token carries the tag index;
 *   <li>{@link QaRecord}: {@code [CLS] question [SEP] context [SEP]}, the first gold answer mapped
 *       to tokens; unanswerable, or cut off by truncation, points at [CLS] (0, 0). One window per
 *       question: no document stride.
 * </ul>
 *
 * <pre>{@code
 * // per Spark partition:
 * try (TextTokenizer tok = TextTokenizer.load(tokenizerJson, maxLength)) {
 *     ExampleEncoder encoder = new ExampleEncoder(tok, task);
 *     records.forEachRemaining(r -> out.add(encoder.encode("train", r)));
 * }
 * }</pre>
 */
public final class ExampleEncoder {

    private final TextTokenizer tokenizer;
    private final TaskInfo task;

    /**
     * @param tokenizer loaded tokenizer; owned by the caller, who closes it
     * @param task the task whose label names give the class indices
     */
    public ExampleEncoder(TextTokenizer tokenizer, TaskInfo task) {
        this.tokenizer = tokenizer;
        this.task = task;
    }

    /** The task this encoder writes examples for. */
    public TaskInfo task() {
        return task;
    }

    /**
     * Encodes one record.
     *
     * @throws TaskDataException when the record does not fit the task's type or names an unknown label
     */
    public Example encode(String split, TaskRecord record) {
        if (record instanceof TextRecord r) {
            return text(split, r);
        }
        if (record instanceof TaggedRecord r) {
            return tagged(split, r);
        }
        return qa(split, (QaRecord) record);
    }

    /** Encodes records lazily, in order (for Spark's {@code mapPartitions}). */
    public Iterator<Example> encodeAll(String split, Iterator<? extends TaskRecord> records) {
        Function<TaskRecord, Example> f = r -> encode(split, r);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Example next() {
                return f.apply(records.next());
            }
        };
    }

    /** Encodes a list of records, in order. */
    public List<Example> encodeAll(String split, List<? extends TaskRecord> records) {
        List<Example> out = new ArrayList<>(records.size());
        for (TaskRecord r : records) {
            out.add(encode(split, r));
        }
        return out;
    }

    private Example text(String split, TextRecord r) {
        requireType(r, TaskType.SEQUENCE_CLASSIFICATION, TaskType.MASKED_LM);
        Encoded e = r.isPair() ? tokenizer.encodePair(r.text(), r.textPair()) : tokenizer.encode(r.text());
        int label = r.label() == null ? -1 : labelIndex(r, r.label());
        return new Example(task.name(), split, r.id(), e.ids(), e.typeIds(), label, new int[0], -1, -1);
    }

    private Example tagged(String split, TaggedRecord r) {
        requireType(r, TaskType.TOKEN_CLASSIFICATION);
        int[] wordLabels = new int[r.tags().size()];
        for (int i = 0; i < wordLabels.length; i++) {
            wordLabels[i] = labelIndex(r, r.tags().get(i));
        }
        Encoded e = tokenizer.encodeWords(r.words());
        int[] tokenLabels = LabelAlignment.firstSubToken(e, wordLabels, Example.IGNORE);
        return new Example(task.name(), split, r.id(), e.ids(), e.typeIds(), -1, tokenLabels, -1, -1);
    }

    private Example qa(String split, QaRecord r) {
        requireType(r, TaskType.SPAN_QA);
        Encoded e = tokenizer.encodeQuestionContext(r.question(), r.context());
        TokenSpan span = TokenSpan.NO_ANSWER;
        if (!r.isUnanswerable()) {
            QaRecord.Answer a = r.answers().get(0);
            span = SpanAlignment.toTokens(e, 1, a.charStart(), a.charEnd());
        }
        return new Example(task.name(), split, r.id(), e.ids(), e.typeIds(), -1, new int[0], span.start(), span.end());
    }

    private int labelIndex(TaskRecord r, String label) {
        int index = task.labelNames().indexOf(label);
        if (index < 0) {
            throw new TaskDataException(task.name(), 0, "record " + r.id() + " has label '" + label
                    + "', not one of " + task.labelNames());
        }
        return index;
    }

    private void requireType(TaskRecord r, TaskType... allowed) {
        for (TaskType t : allowed) {
            if (task.type() == t) {
                return;
            }
        }
        throw new TaskDataException(task.name(), 0, "record " + r.id() + " is a " + r.getClass().getSimpleName()
                + " but task " + task.name() + " is " + task.type());
    }
}
