package ftenergy.text;

/**
 * Word labels onto tokens for token classification: the first sub-token of each word carries the
 * word's label; continuation pieces and special tokens get the ignore value, as in BERT's CoNLL
 * fine-tuning.
 */
public final class LabelAlignment {

    private LabelAlignment() {}

    /**
     * @param encoded words encoded with {@link TextTokenizer#encodeWords}
     * @param wordLabels one label per input word
     * @param ignore the value for tokens without a label (PyTorch's -100)
     * @return one label per token; words cut off by truncation simply have no tokens
     */
    public static int[] firstSubToken(Encoded encoded, int[] wordLabels, int ignore) {
        int[] labels = new int[encoded.length()];
        int previousWord = -1;
        for (int i = 0; i < labels.length; i++) {
            int word = encoded.wordIds()[i];
            if (word < 0 || encoded.sequenceIds()[i] != 0) {
                labels[i] = ignore;
                previousWord = -1;
                continue;
            }
            if (word >= wordLabels.length) {
                throw new IllegalArgumentException("token " + i + " belongs to word " + word + " but only "
                        + wordLabels.length + " word labels were given");
            }
            labels[i] = word != previousWord ? wordLabels[word] : ignore;
            previousWord = word;
        }
        return labels;
    }
}
