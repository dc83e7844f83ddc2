package ftenergy.predict;

import java.util.List;

/**
 * A prediction in the task's own terms, for people and tables.
 *
 * @param label predicted class name (sequence classification), else {@code null}
 * @param labelIndex its index in the head's labels, else -1
 * @param score softmax probability of the class, else NaN
 * @param tags one predicted tag per input word, or per token for pre-tokenized input (token
 *     classification; words cut off by truncation get none), else empty
 * @param answer the answer's text, "" for no answer (span QA), else {@code null}
 */
public record Prediction(String label, int labelIndex, double score, List<String> tags, String answer) {

    public Prediction {
        tags = List.copyOf(tags);
    }
}
