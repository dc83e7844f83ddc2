package ftenergy.text;

/**
 * Character spans of an input text onto token positions (extractive QA answers).
 */
public final class SpanAlignment {

    private SpanAlignment() {}

    /**
     * The tokens covering characters {@code [charStart, charEnd)} of input text {@code sequence}.
     *
     * @param encoded the encoded input (e.g. question and context, or one window of them)
     * @param sequence which input text the characters refer to (1 for the context of a pair)
     * @param charStart first character of the span
     * @param charEnd one past the span's last character
     * @return the token span, or {@link TokenSpan#NO_ANSWER} when the span is not wholly inside the
     *     encoded part of the text (truncation, or a window that starts after the span's start or
     *     ends before its end: HuggingFace's QA preprocessing labels such windows with [CLS] as well)
     */
    public static TokenSpan toTokens(Encoded encoded, int sequence, int charStart, int charEnd) {
        if (charEnd <= charStart) {
            throw new IllegalArgumentException("empty character span " + charStart + ".." + charEnd);
        }
        int first = -1;
        int last = -1;
        int sequenceStart = Integer.MAX_VALUE;
        int sequenceEnd = -1;
        for (int i = 0; i < encoded.length(); i++) {
            if (encoded.sequenceIds()[i] != sequence) {
                continue;
            }
            sequenceStart = Math.min(sequenceStart, encoded.charStarts()[i]);
            sequenceEnd = Math.max(sequenceEnd, encoded.charEnds()[i]);
            if (first < 0 && encoded.charEnds()[i] > charStart) {
                first = i;
            }
            if (encoded.charStarts()[i] < charEnd) {
                last = i;
            }
        }
        if (first < 0 || last < first || sequenceStart > charStart || sequenceEnd < charEnd) {
            return TokenSpan.NO_ANSWER;
        }
        return new TokenSpan(first, last);
    }
}
