package ftenergy.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A HuggingFace {@code tokenizer.json} loaded through DJL's tokenizers binding (native, offline),
 * truncating every input to a maximum length and never padding (the batcher pads).
 *
 * <p>Sentence pairs are cut longest-first; question/context pairs cut only the context, as
 * HuggingFace's QA examples do. The caller closes the tokenizer to free its native memory;
 * encoding from several threads at once is safe.
 *
 * <pre>{@code
 * try (TextTokenizer tok = TextTokenizer.load(Path.of("data/tokenizer/tokenizer.json"), 128)) {
 *     Encoded e = tok.encodePair("A man sleeps.", "Someone rests.");
 * }
 * }</pre>
 */
public final class TextTokenizer implements AutoCloseable {

    /** Characters of text kept per allowed token before tokenizing (English averages 4-5). */
    private static final int HEAD_CHARS_PER_TOKEN = 8;

    private final Path file;
    private final int maxLength;
    private final HuggingFaceTokenizer longestFirst;
    private final HuggingFaceTokenizer onlySecond;
    private final HuggingFaceTokenizer whole;

    private TextTokenizer(Path file, int maxLength, HuggingFaceTokenizer longestFirst, HuggingFaceTokenizer onlySecond,
            HuggingFaceTokenizer whole) {
        this.file = file;
        this.maxLength = maxLength;
        this.longestFirst = longestFirst;
        this.onlySecond = onlySecond;
        this.whole = whole;
    }

    /**
     * Loads a tokenizer file.
     *
     * @param tokenizerJson a HuggingFace {@code tokenizer.json} (as {@link TokenizerFile} writes)
     * @param maxLength most tokens per encoded input, special tokens included; at least 8
     * @throws UncheckedIOException naming the file when it is missing or unreadable
     */
    public static TextTokenizer load(Path tokenizerJson, int maxLength) {
        if (maxLength < 8) {
            throw new IllegalArgumentException("max length must be >= 8, was " + maxLength);
        }
        if (!Files.isRegularFile(tokenizerJson)) {
            throw new UncheckedIOException(new IOException("no tokenizer file " + tokenizerJson));
        }
        HuggingFaceTokenizer longest = null;
        HuggingFaceTokenizer second = null;
        try {
            longest = base(tokenizerJson, maxLength).optTruncation(true).build();
            second = base(tokenizerJson, maxLength).optTruncateSecondOnly().build();
            HuggingFaceTokenizer untruncated = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(tokenizerJson)
                    .optAddSpecialTokens(true)
                    .optPadding(false)
                    .optTruncation(false)
                    .build();
            return new TextTokenizer(tokenizerJson, maxLength, longest, second, untruncated);
        } catch (IOException | RuntimeException e) {
            if (longest != null) {
                longest.close();
            }
            if (second != null) {
                second.close();
            }
            throw new UncheckedIOException(new IOException("cannot load tokenizer " + tokenizerJson + ": " + e.getMessage(), e));
        }
    }

    /**
     * Loads a tokenizer from the text of its {@code tokenizer.json} (e.g. a Spark broadcast, where
     * executors share no file system with the driver).
     */
    public static TextTokenizer loadJson(String tokenizerJson, int maxLength) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("ftenergy-tokenizer-", ".json");
            Files.writeString(tmp, tokenizerJson, java.nio.charset.StandardCharsets.UTF_8);
            return load(tmp, maxLength);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage tokenizer JSON in a temporary file", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // The native tokenizer holds its own copy; a stray temp file is harmless.
                }
            }
        }
    }

    private static HuggingFaceTokenizer.Builder base(Path file, int maxLength) {
        return HuggingFaceTokenizer.builder()
                .optTokenizerPath(file)
                .optAddSpecialTokens(true)
                .optPadding(false)
                .optMaxLength(maxLength);
    }

    /** The file this tokenizer was loaded from. */
    public Path file() {
        return file;
    }

    /** Most tokens per encoded input. */
    public int maxLength() {
        return maxLength;
    }

    /** {@code [CLS] text [SEP]}, truncated. */
    public Encoded encode(String text) {
        String head = head(text);
        if (head != text) {
            Encoded e = convert(longestFirst.encode(head));
            if (e.truncated()) {
                return e;
            }
        }
        return convert(longestFirst.encode(text));
    }

    /** {@code [CLS] first [SEP] second [SEP]}, the longer text cut first. */
    public Encoded encodePair(String first, String second) {
        return convert(longestFirst.encode(overflowingHead(first), overflowingHead(second)));
    }

    /**
     * {@code [CLS] question [SEP] context [SEP]}, only the context cut; a question too long to leave
     * room for any context is cut as well (longest first), where HuggingFace would fail.
     */
    public Encoded encodeQuestionContext(String question, String context) {
        String head = overflowingHead(context);
        try {
            return convert(onlySecond.encode(question, head));
        } catch (RuntimeException e) {
            // The native library refuses only-second truncation when the question alone overflows.
            return convert(longestFirst.encode(question, head));
        }
    }

    /**
     * {@code [CLS] question [SEP] context [SEP]} with nothing cut, however long: extractive QA cuts
     * its windows from this ({@link QuestionWindows}), as HuggingFace's tokenizer does with a stride.
     */
    public Encoded encodeQuestionContextWhole(String question, String context) {
        return convert(whole.encode(question, context));
    }

    /**
     * Pre-split words (token classification): word ids index {@code words}; character offsets are
     * relative to each word.
     */
    public Encoded encodeWords(List<String> words) {
        return convert(longestFirst.encode(words));
    }

    /** Tokens as strings, [CLS] and [SEP] included (for inspection and tests). */
    public List<String> tokenize(String text) {
        return longestFirst.tokenize(text);
    }

    /** Text for ids, skipping special tokens. */
    public String decode(int[] ids) {
        long[] longs = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            longs[i] = ids[i];
        }
        return longestFirst.decode(longs, true);
    }

    /**
     * A prefix of a long text, cut at whitespace, that is enough for {@code maxLength} tokens in the
     * usual case; the text itself when it is short. The native library tokenizes a text whole
     * before truncating it; on the spam e-mails at 512 tokens the head made encoding 1.8-2.6x
     * faster with identical tokens. Words before a whitespace cut tokenize exactly as in the full
     * text, so callers check the head still overflows and fall back to the whole text otherwise.
     */
    private String head(String text) {
        int budget = maxLength * HEAD_CHARS_PER_TOKEN;
        if (text.length() <= budget) {
            return text;
        }
        int cut = budget;
        while (cut > 0 && !Character.isWhitespace(text.charAt(cut))) {
            cut--;
        }
        return cut == 0 ? text : text.substring(0, cut);
    }

    /** {@link #head} when the head alone still overflows (so truncation keeps the same tokens), else the text. */
    private String overflowingHead(String text) {
        String head = head(text);
        if (head == text || convert(longestFirst.encode(head)).truncated()) {
            return head;
        }
        return text;
    }

    private static Encoded convert(Encoding e) {
        long[] ids = e.getIds();
        int n = ids.length;
        int[] out = new int[n];
        int[] types = new int[n];
        int[] seq = new int[n];
        int[] words = new int[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        long[] t = e.getTypeIds();
        long[] s = e.getSequenceIds();
        long[] w = e.getWordIds();
        CharSpan[] spans = e.getCharTokenSpans();
        for (int i = 0; i < n; i++) {
            out[i] = (int) ids[i];
            types[i] = (int) t[i];
            seq[i] = (int) s[i];
            words[i] = (int) w[i];
            starts[i] = spans[i] == null ? -1 : spans[i].getStart();
            ends[i] = spans[i] == null ? -1 : spans[i].getEnd();
        }
        return new Encoded(out, types, seq, words, starts, ends, e.exceedMaxLength());
    }

    @Override
    public void close() {
        longestFirst.close();
        onlySecond.close();
        whole.close();
    }
}
