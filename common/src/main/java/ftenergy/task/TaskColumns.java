package ftenergy.task;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which column (field, or for CoNLL files column number) of a task's source holds what, as its
 * {@code columns} block maps them: role to column name.
 *
 * <pre>{@code
 * columns { text = "review", label = "stars" }          // single-classification
 * columns { text = premise, text-pair = hypothesis, label = label }
 * columns { tokens = tokens, tags = ner_tags }           // token-classification
 * columns { question = question, context = context, answers = answers }   // span-qa
 * }</pre>
 *
 * @param byRole column per role; roles not mapped are absent
 */
public record TaskColumns(Map<String, String> byRole) implements Serializable {

    /** The record's id; optional everywhere (else the file and row or line number). */
    public static final String ID = "id";
    /** The (first) text. */
    public static final String TEXT = "text";
    /** The second text of a pair. */
    public static final String TEXT_PAIR = "text-pair";
    /** The class: a name, or a class index into the task's labels. */
    public static final String LABEL = "label";
    /** The words of a sentence (an array). */
    public static final String TOKENS = "tokens";
    /** One tag per word (an array of names or class indices). */
    public static final String TAGS = "tags";
    /** A question. */
    public static final String QUESTION = "question";
    /** The passage its answers are taken from. */
    public static final String CONTEXT = "context";
    /** Gold answers: a struct of a {@code text} array and an {@code answer_start} array. */
    public static final String ANSWERS = "answers";

    /** Every role, in the order the reference configuration documents them. */
    public static final List<String> ROLES = List.of(ID, TEXT, TEXT_PAIR, LABEL, TOKENS, TAGS, QUESTION, CONTEXT, ANSWERS);

    public TaskColumns {
        byRole = java.util.Collections.unmodifiableMap(new TreeMap<>(byRole));
    }

    /** The column of {@code role}, or {@code null} when it is not mapped. */
    public String get(String role) {
        return byRole.get(role);
    }

    /** Whether {@code role} is mapped. */
    public boolean has(String role) {
        return byRole.containsKey(role);
    }
}
