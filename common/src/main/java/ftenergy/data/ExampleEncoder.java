package ftenergy.data;

import ftenergy.text.Encoded;
import ftenergy.text.LabelAlignment;
import ftenergy.text.QuestionWindows;
import ftenergy.text.SpanAlignment;
import ftenergy.text.TextTokenizer;
import ftenergy.text.TokenSpan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Turns raw records of one task into {@link Example}s: a pure function of tokenizer, task and
 * record, so Spark executors can call it per partition after loading the tokenizer once.
 *
 * <ul>
 *   <li>{@link TextRecord} (sequence classification, or masked LM with a null label): one text or a
 *       pair, label = index of the label in {@link TaskInfo#labelNames()}, -1 when unlabelled;
 *   <li>{@link TaggedRecord}: words encoded as given, first sub-token carries the tag index;
 *   <li>{@link QaRecord}: {@code [CLS] question [SEP] context [SEP]} windows as
 *       {@link TaskInfo#qa()} cuts them ({@link QuestionWindows}), one example per window, id
 *       {@code <question id>#<window>}: the first gold answer mapped to the window's tokens, or
 *       [CLS] (0, 0) when the question is unanswerable or the answer is not wholly inside the
 *       window. Each window carries a {@link QaWindow} (question id, context, every gold answer,
 *       token offsets) for evaluation. Windows are cut at the task's own length, not the
 *       tokenizer's.
 * </ul>
 *
 * <pre>{@code
 * // per Spark partition:
 * try (TextTokenizer tok = TextTokenizer.load(tokenizerJson, maxLength)) {
 *     ExampleEncoder encoder = new ExampleEncoder(tok, task);
 *     records.forEachRemaining(r -> out.addAll(encoder.encode("train", r)));
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
     * Encodes one record: one example, or one per window for extractive QA.
     *
     * @throws TaskDataException when the record does not fit the task's type or names an unknown label
     */
    public List<Example> encode(String split, TaskRecord record) {
        if (record instanceof TextRecord r) {
            return List.of(text(split, r));
        }
        if (record instanceof TaggedRecord r) {
            return List.of(tagged(split, r));
        }
        return qa(split, (QaRecord) record);
    }

    /** Encodes records lazily, in order, windows of one question together (for Spark's {@code mapPartitions}). */
    public Iterator<Example> encodeAll(String split, Iterator<? extends TaskRecord> records) {
        return new Iterator<>() {
            private Iterator<Example> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && records.hasNext()) {
                    current = encode(split, records.next()).iterator();
                }
                return current.hasNext();
            }

            @Override
            public Example next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** Encodes a list of records, in order, windows of one question together. */
    public List<Example> encodeAll(String split, List<? extends TaskRecord> records) {
        List<Example> out = new ArrayList<>(records.size());
        for (TaskRecord r : records) {
            out.addAll(encode(split, r));
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

    private List<Example> qa(String split, QaRecord r) {
        requireType(r, TaskType.SPAN_QA);
        QaSettings settings = task.qa();
        List<Encoded> windows = QuestionWindows.split(tokenizer.encodeQuestionContextWhole(r.question(), r.context()),
                settings.maxLength(), settings.docStride());
        List<Example> out = new ArrayList<>(windows.size());
        for (int k = 0; k < windows.size(); k++) {
            Encoded e = windows.get(k);
            TokenSpan span = TokenSpan.NO_ANSWER;
            if (!r.isUnanswerable()) {
                QaRecord.Answer a = r.answers().get(0);
                span = SpanAlignment.toTokens(e, 1, a.charStart(), a.charEnd());
            }
            out.add(new Example(task.name(), split, r.id() + "#" + k, e.ids(), e.typeIds(), -1, new int[0],
                    span.start(), span.end(), window(r, e)));
        }
        return out;
    }

    /** The question, context and gold answers, with each token's place in the context (-1 outside it). */
    private static QaWindow window(QaRecord r, Encoded e) {
        int[] starts = new int[e.length()];
        int[] ends = new int[e.length()];
        for (int i = 0; i < starts.length; i++) {
            boolean context = e.sequenceIds()[i] == 1;
            starts[i] = context ? e.charStarts()[i] : -1;
            ends[i] = context ? e.charEnds()[i] : -1;
        }
        return new QaWindow(r.id(), r.context(), r.answerTexts(), starts, ends);
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
