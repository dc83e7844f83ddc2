package ftenergy.attempt;

import ftenergy.data.Example;
import java.util.Arrays;

/**
 * Cuts examples to a run's {@code max_seq_len} the way BERT's tokenizers do: keep the head, end
 * with [SEP]. Examples are prepared once at the sweep's longest length; shorter runs cut here.
 *
 * @param maxLength the run's max_seq_len
 * @param sepId id of [SEP] in the examples' vocabulary
 */
public record Truncation(int maxLength, int sepId) implements java.io.Serializable {

    public Truncation {
        if (maxLength < 2) {
            throw new IllegalArgumentException("max length must be >= 2, was " + maxLength);
        }
    }

    /** {@code example} itself when it fits, else a cut copy (labels past the cut ignored, spans cut away become "no answer"). */
    public Example apply(Example example) {
        if (example.length() <= maxLength) {
            return example;
        }
        int[] ids = Arrays.copyOf(example.inputIds(), maxLength);
        ids[maxLength - 1] = sepId;
        int[] types = Arrays.copyOf(example.typeIds(), maxLength);
        int[] tags = example.tokenLabels().length == 0 ? example.tokenLabels() : Arrays.copyOf(example.tokenLabels(), maxLength);
        if (tags.length > 0) {
            tags[maxLength - 1] = Example.IGNORE;
        }
        int start = example.spanStart();
        int end = example.spanEnd();
        if (start >= 0 && end >= maxLength - 1) {
            start = 0;
            end = 0;
        }
        return new Example(example.task(), example.split(), example.exampleId(), ids, types, example.label(), tags, start, end,
                example.window() == null ? null : example.window().truncated(maxLength));
    }
}
