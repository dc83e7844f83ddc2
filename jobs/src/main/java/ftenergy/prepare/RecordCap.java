package ftenergy.prepare;

import java.io.Serializable;
import java.util.List;

/**
 * At most so many records of each split, the first in source order (a sweep's
 * {@code corpus-max-examples}, in the proportion of its validation share).
 *
 * @param train training records kept
 * @param validation validation records kept
 */
record RecordCap(int train, int validation) implements Serializable {

    /** Every record. */
    static final RecordCap NONE = new RecordCap(Integer.MAX_VALUE, Integer.MAX_VALUE);

    /** {@code max} records in all, {@code validationFraction} of them (at least one) for validation. */
    static RecordCap of(int max, double validationFraction) {
        if (max <= 0) {
            return NONE;
        }
        int validation = Math.max(1, (int) Math.round(max * validationFraction));
        return new RecordCap(Math.max(0, max - validation), validation);
    }

    /** The cap of {@code split}. */
    int of(String split) {
        return split.equals(ftenergy.data.Splits.TRAIN) ? train : validation;
    }

    /** The first records of {@code list} this cap keeps for {@code split}. */
    <T> List<T> apply(String split, List<T> list) {
        int cap = of(split);
        return list.size() <= cap ? list : list.subList(0, cap);
    }
}
